/** One root seed split into named, independent random streams. */
package dev.trimtab.env.random;
