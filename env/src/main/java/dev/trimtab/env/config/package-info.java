/**
 * Reading user-written YAML files at the edge into validated records, with errors that name the
 * file and field.
 */
package dev.trimtab.env.config;
