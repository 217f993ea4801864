/**
 * The work a run implies, estimated before it starts (simulator events, memory, bytes written) and
 * checked against documented limits, the JVM's heap and the output folder's free disk, so that an
 * absurd input is refused in a second instead of filling a disk or running for years.
 */
package dev.trimtab.cli.budget;
