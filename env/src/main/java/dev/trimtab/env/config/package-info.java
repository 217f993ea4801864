/**
 * The edge where user-written files become validated values, shared by every format (topologies,
 * workloads and their one-line specs, fault campaigns, problems, RCA scenarios).
 *
 * <ul>
 *   <li>{@link dev.trimtab.env.config.TextInput} opens a file where text is expected and says what
 *       it is when it is not (gzip, a ZIP archive, an image, binary data, not UTF-8);
 *   <li>{@link dev.trimtab.env.config.YamlReader} is the one YAML reader, with the same limits for
 *       every format (file size, scalar length, nesting depth, values counting aliases; one
 *       document; no duplicate keys);
 *   <li>{@link dev.trimtab.env.config.YamlField} binds a tree field by field, with one wording for
 *       every mistake: {@code FILE: field 'a.b[2].c': expected ...; got ...};
 *   <li>{@link dev.trimtab.env.config.Range} and {@link dev.trimtab.env.config.Limits} bound every
 *       numeric field;
 *   <li>{@link dev.trimtab.env.config.ConfigException} carries the one-line message, made printable
 *       by {@link dev.trimtab.env.config.Snippet}.
 * </ul>
 *
 * Loaders in each format's package read through these and hand the core validated records; the core
 * never sees a YAML tree.
 */
package dev.trimtab.env.config;
