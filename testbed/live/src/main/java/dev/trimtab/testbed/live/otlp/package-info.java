/**
 * The OTLP/HTTP receiver inside Trimtab: the testbed services' OpenTelemetry agents export spans
 * and metrics to it (protobuf over HTTP on 127.0.0.1), and it turns them into what rca and the
 * controllers read from the simulator: one server span per call, parent to parent across services
 * ({@link dev.trimtab.testbed.live.otlp.SpanFolder}), and per-service metric values ({@link
 * dev.trimtab.testbed.live.otlp.MetricStore}).
 */
package dev.trimtab.testbed.live.otlp;
