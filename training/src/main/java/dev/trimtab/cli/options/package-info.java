/** Typed command-line values (durations) and their picocli converters. */
package dev.trimtab.cli.options;
