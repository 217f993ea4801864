package dev.trimtab.faults.spec;

/**
 * A fault that changes the workload as a whole (arrival rate, request mix): it has no target
 * selector, and its ground truth names no service.
 */
public sealed interface WorkloadFault extends FaultSpec
    permits FlashCrowd, RateShift, MixShift, TraceSwap {}
