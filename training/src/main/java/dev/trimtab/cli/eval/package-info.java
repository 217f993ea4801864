/**
 * {@code trimtab eval}: every problem of a suite × every controller × every seed, run in parallel
 * and gathered in a fixed order, so that the leaderboard is byte-identical whatever the thread
 * scheduling; then {@code leaderboard.json}, {@code leaderboard.md} and {@code report.html} with
 * its PNG plots. Scores are defined in {@code docs/eval.md}.
 */
package dev.trimtab.cli.eval;
