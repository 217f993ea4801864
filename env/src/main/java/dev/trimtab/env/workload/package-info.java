/**
 * Open-loop workloads: when requests arrive, and for which endpoint. Read from YAML or a one-line
 * spec by {@link dev.trimtab.env.workload.WorkloadLoader}; the format is documented in {@code
 * docs/formats/workload.md}.
 */
package dev.trimtab.env.workload;
