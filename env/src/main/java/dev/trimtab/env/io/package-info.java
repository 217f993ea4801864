/** Writing output files safely: whole or not at all. */
package dev.trimtab.env.io;
