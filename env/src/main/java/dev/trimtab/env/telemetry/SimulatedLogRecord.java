package dev.trimtab.env.telemetry;

/**
 * One log line a simulated service wrote.
 *
 * @param timeNanos when, in the same clock as the recorder's spans (epoch plus simulated time)
 * @param service the service that wrote it
 * @param severity {@code INFO}, {@code WARN} or {@code ERROR}
 * @param body the message
 * @param traceId the request's trace id (32 hex digits)
 * @param spanId the call's span id (16 hex digits)
 */
public record SimulatedLogRecord(
    long timeNanos, String service, String severity, String body, String traceId, String spanId) {}
