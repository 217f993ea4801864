/** Running independent simulations on several threads with results in a fixed order. */
package dev.trimtab.env.concurrent;
