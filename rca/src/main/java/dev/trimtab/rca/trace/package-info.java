/**
 * The immutable span model every importer produces ({@link dev.trimtab.rca.trace.Span}), traces as
 * checked trees ({@link dev.trimtab.rca.trace.Trace}) and the assembler that builds them from loose
 * spans, skipping and counting what cannot be a tree (cycles, missing parents, duplicate ids).
 */
package dev.trimtab.rca.trace;
