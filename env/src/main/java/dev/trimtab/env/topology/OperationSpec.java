package dev.trimtab.env.topology;

/** One operation a service offers, and the CPU time it needs per call. */
public record OperationSpec(String name, Demand demandCoreMs) {}
