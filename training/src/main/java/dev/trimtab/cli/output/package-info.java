/**
 * The files a run leaves in its directory (metrics.csv, endpoints.csv, summary.json, config.json)
 * and the table printed at its end. Output is deterministic: the same run gives the same bytes, and
 * every file appears whole or not at all (written to a temporary file, then moved atomically).
 */
package dev.trimtab.cli.output;
