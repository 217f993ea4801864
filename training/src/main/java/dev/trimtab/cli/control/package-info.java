/**
 * Controllers the CLI can run in the loop: each sees one interval's metrics and may change the
 * simulation's allocation. They move to the agents module once it exists.
 */
package dev.trimtab.cli.control;
