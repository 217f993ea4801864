/**
 * The open-loop load generator: it replays any workload spec the simulator takes (Poisson, MMPP,
 * diurnal, flash crowds, traces) against the live services, request by request at the times the
 * workload's arrival stream gives, and measures each request from the time it was meant to be sent,
 * so a generator that falls behind never hides the wait (no coordinated omission).
 */
package dev.trimtab.testbed.live.load;
