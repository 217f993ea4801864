package dev.trimtab.env.telemetry;

import dev.trimtab.env.sim.SpanSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the simulator's span callbacks into OpenTelemetry SDK {@link SpanData} and buffers them
 * until {@link #drain()}.
 *
 * <p>Each span is a {@code SERVER} span named after the operation, on a resource whose {@code
 * service.name} is the simulated service, with the gRPC server attributes of the OpenTelemetry RPC
 * semantic conventions (see {@code docs/telemetry.md}) and {@code trimtab.endpoint}. Start and end
 * are {@code epoch} plus simulated time, so files are reproducible: nothing here reads the clock.
 *
 * <p>The buffer holds at most {@code maxBufferedSpans}; spans beyond that are dropped and counted
 * ({@link #droppedSpans()}), so a run that never drains cannot exhaust memory. Not thread-safe: the
 * simulator calls it from the thread that advances the run, and so must {@link #drain()}.
 */
public final class SpanRecorder implements SpanSink {
  /** 2026-01-01T00:00:00Z: simulated time 0 by default, fixed so that files are reproducible. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** The instrumentation scope of every simulated span. */
  public static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.create("dev.trimtab.sim");

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final AttributeKey<String> RPC_SYSTEM_NAME = AttributeKey.stringKey("rpc.system.name");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> TRIMTAB_ENDPOINT = AttributeKey.stringKey("trimtab.endpoint");

  /** Status description of a failed call: the simulator reports failure without its cause. */
  static final String ERROR_DESCRIPTION =
      "call failed: own error, timeout, crash, full queue downstream or failed child";

  private static final String GRPC_OK = "OK";
  private static final String GRPC_UNKNOWN = "UNKNOWN";

  private final int maxBufferedSpans;
  private final long epochNanos;
  private final Map<String, Resource> resources = new HashMap<>();
  private List<SpanData> buffer = new ArrayList<>();
  private long recordedSpans;
  private long droppedSpans;

  /** A recorder whose simulated time 0 is {@link #DEFAULT_EPOCH}. */
  public SpanRecorder(int maxBufferedSpans) {
    this(maxBufferedSpans, DEFAULT_EPOCH);
  }

  /**
   * @param maxBufferedSpans spans held between drains; more are dropped and counted; at least 1
   * @param epoch the wall-clock instant that simulated time 0 stands for in the spans
   */
  public SpanRecorder(int maxBufferedSpans, Instant epoch) {
    if (maxBufferedSpans < 1) {
      throw new IllegalArgumentException("maxBufferedSpans must be >= 1, got " + maxBufferedSpans);
    }
    this.maxBufferedSpans = maxBufferedSpans;
    this.epochNanos =
        Math.addExact(Math.multiplyExact(epoch.getEpochSecond(), 1_000_000_000L), epoch.getNano());
  }

  @Override
  public void onSpan(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      long parentSpanId,
      String service,
      String operation,
      String endpoint,
      double startMs,
      double endMs,
      boolean error) {
    if (buffer.size() >= maxBufferedSpans) {
      droppedSpans++;
      return;
    }
    String traceId = TraceId.fromLongs(traceIdHigh, traceIdLow);
    SpanContext parent =
        parentSpanId == 0
            ? SpanContext.getInvalid()
            : SpanContext.create(
                traceId,
                SpanId.fromLong(parentSpanId),
                TraceFlags.getSampled(),
                TraceState.getDefault());
    buffer.add(
        new SimulatedSpan(
            SpanContext.create(
                traceId, SpanId.fromLong(spanId), TraceFlags.getSampled(), TraceState.getDefault()),
            parent,
            resources.computeIfAbsent(service, SpanRecorder::serviceResource),
            SCOPE,
            operation,
            epochNanos + toNanos(startMs),
            epochNanos + toNanos(endMs),
            attributes(service, operation, endpoint, error),
            error ? StatusData.create(StatusCode.ERROR, ERROR_DESCRIPTION) : StatusData.unset()));
    recordedSpans++;
  }

  private static Resource serviceResource(String service) {
    return Resource.create(Attributes.of(SERVICE_NAME, service));
  }

  private static Attributes attributes(
      String service, String operation, String endpoint, boolean error) {
    var builder =
        Attributes.builder()
            .put(RPC_SYSTEM_NAME, "grpc")
            .put(RPC_METHOD, service + "/" + operation)
            .put(RPC_RESPONSE_STATUS_CODE, error ? GRPC_UNKNOWN : GRPC_OK)
            .put(TRIMTAB_ENDPOINT, endpoint);
    if (error) {
      builder.put(ERROR_TYPE, GRPC_UNKNOWN);
    }
    return builder.build();
  }

  /** Simulated milliseconds to nanoseconds, rounded to the nearest nanosecond. */
  static long toNanos(double ms) {
    return Math.round(ms * 1_000_000.0);
  }

  /** The spans recorded since the last drain, oldest first; the buffer is empty afterwards. */
  public List<SpanData> drain() {
    List<SpanData> spans = buffer;
    buffer = new ArrayList<>();
    return Collections.unmodifiableList(spans);
  }

  /** Spans recorded so far, dropped ones excluded. */
  public long recordedSpans() {
    return recordedSpans;
  }

  /** Spans dropped so far because the buffer was full. */
  public long droppedSpans() {
    return droppedSpans;
  }

  /** The epoch, in nanoseconds since 1970, that simulated time 0 maps to. */
  public long epochNanos() {
    return epochNanos;
  }
}
