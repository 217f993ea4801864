/**
 * OpenTelemetry output of the simulated cluster: the simulator's span callbacks become OTel SDK
 * {@link io.opentelemetry.sdk.trace.data.SpanData} ({@link dev.trimtab.env.telemetry.SpanRecorder})
 * and are written as OTLP JSON Lines ({@link dev.trimtab.env.telemetry.OtlpJsonSpanWriter}, {@link
 * dev.trimtab.env.telemetry.TraceExport}) that the OpenTelemetry Collector and Jaeger read.
 *
 * <p>Span times are a fixed epoch plus simulated time, never the wall clock, so the same seed
 * writes the same bytes. See {@code docs/telemetry.md}.
 */
package dev.trimtab.env.telemetry;
