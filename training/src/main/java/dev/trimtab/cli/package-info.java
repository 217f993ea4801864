/**
 * The {@code trimtab} command line: one picocli command per subcommand, wired in {@link
 * dev.trimtab.cli.TrimtabCli}. Errors in user input exit with status 2 and one line on stderr; run
 * failures exit with status 1.
 */
package dev.trimtab.cli;
