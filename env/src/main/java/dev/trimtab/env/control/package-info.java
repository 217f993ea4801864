/** What a controller may change in a cluster, the same for the simulator and a live cluster. */
package dev.trimtab.env.control;
