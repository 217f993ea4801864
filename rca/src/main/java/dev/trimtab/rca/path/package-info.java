/**
 * FIRM's critical path (LONGESTPATH) of a trace, with clock-skew correction and asynchronous
 * children kept off the path, and the per-span exclusive time and inbound wait along it.
 */
package dev.trimtab.rca.path;
