/**
 * Metrics and logs as evidence beside traces: per-service time series of a few named {@link
 * dev.trimtab.rca.telemetry.Signal}s, per-service log events with levels and templates mined by
 * {@link dev.trimtab.rca.telemetry.Drain}, and what one window of them says about each service
 * ({@link dev.trimtab.rca.telemetry.WindowSignals}). Importers are in {@code dev.trimtab.rca.io}.
 */
package dev.trimtab.rca.telemetry;
