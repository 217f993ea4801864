/**
 * How the CLI names the controllers it can run in the loop; the controllers themselves live in the
 * agents module ({@code dev.trimtab.agents.baselines}).
 */
package dev.trimtab.cli.control;
