/**
 * Benchmarks run from the CLI: wall-clock measurements of Trimtab's hot paths on the user's
 * machine. They measure, they do not test: nothing here passes or fails.
 */
package dev.trimtab.cli.bench;
