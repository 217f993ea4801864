/**
 * Importers and writers of trace files: OTLP JSON (and JSON Lines), Jaeger JSON, Zipkin v2 JSON,
 * the span CSV of the Nezha/TraStrainer datasets, and OpenTelemetry {@code SpanData} in memory. All
 * produce the one span model of {@link dev.trimtab.rca.trace}; all fail only with {@link
 * dev.trimtab.rca.trace.TraceFormatException}. Formats are described in {@code
 * docs/formats/traces.md}.
 */
package dev.trimtab.rca.io;
