/**
 * {@code trimtab testbed}: the live testbed's subcommands (up, down, status, calibrate, compare,
 * load), thin over {@code dev.trimtab.testbed.live}.
 */
package dev.trimtab.cli.testbed;
