package dev.trimtab.env.telemetry;

import dev.trimtab.env.sim.SpanSink;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The application logs of the simulated services, written as their calls end (a {@link SpanSink},
 * so it sees the sampled requests, as a log pipeline that keeps traced requests does): each call
 * logs one {@code INFO} line; a call that failed on its own (none of its children failed: its own
 * error, a timeout it hit, a crash) logs an {@code ERROR} line, and a call that failed because a
 * call it made failed logs a {@code WARN} line naming nothing more. So error lines start where the
 * failure started, as in instrumented services, and a real log pipeline's by-level counts and
 * templates have the same meaning here. Simulated time only; bounded buffer like {@link
 * SpanRecorder}.
 */
public final class LogRecorder implements SpanSink {
  private final int maxBufferedRecords;
  private final long epochNanos;
  private final Set<Long> failedChildOf = new HashSet<>();
  private List<SimulatedLogRecord> buffer = new ArrayList<>();
  private long dropped;

  /** A recorder whose simulated time 0 is {@link SpanRecorder#DEFAULT_EPOCH}. */
  public LogRecorder(int maxBufferedRecords) {
    this(maxBufferedRecords, SpanRecorder.DEFAULT_EPOCH);
  }

  public LogRecorder(int maxBufferedRecords, Instant epoch) {
    if (maxBufferedRecords < 1) {
      throw new IllegalArgumentException("maxBufferedRecords must be >= 1");
    }
    this.maxBufferedRecords = maxBufferedRecords;
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
    boolean childFailed = failedChildOf.remove(spanId);
    if (error && parentSpanId != 0) {
      failedChildOf.add(parentSpanId);
    }
    long end = epochNanos + Math.round(endMs * 1e6);
    String trace = TraceId.fromLongs(traceIdHigh, traceIdLow);
    String span = SpanId.fromLong(spanId);
    add(
        new SimulatedLogRecord(
            end,
            service,
            "INFO",
            String.format(
                Locale.ROOT, "%s handled %s in %.1f ms", operation, endpoint, endMs - startMs),
            trace,
            span));
    if (error) {
      add(
          childFailed
              ? new SimulatedLogRecord(
                  end,
                  service,
                  "WARN",
                  operation + " failed: a downstream call failed",
                  trace,
                  span)
              : new SimulatedLogRecord(
                  end,
                  service,
                  "ERROR",
                  operation + " failed: internal error in " + service,
                  trace,
                  span));
    }
  }

  private void add(SimulatedLogRecord r) {
    if (buffer.size() >= maxBufferedRecords) {
      dropped++;
      return;
    }
    buffer.add(r);
  }

  /** The records since the last drain, in the order written. */
  public List<SimulatedLogRecord> drain() {
    List<SimulatedLogRecord> out = buffer;
    buffer = new ArrayList<>();
    return out;
  }

  /** Records dropped because the buffer was full. */
  public long dropped() {
    return dropped;
  }

  /** Both sinks receive every span: spans and logs of one run. */
  public static SpanSink tee(SpanSink a, SpanSink b) {
    return (th, tl, id, parent, service, operation, endpoint, start, end, error) -> {
      a.onSpan(th, tl, id, parent, service, operation, endpoint, start, end, error);
      b.onSpan(th, tl, id, parent, service, operation, endpoint, start, end, error);
    };
  }
}
