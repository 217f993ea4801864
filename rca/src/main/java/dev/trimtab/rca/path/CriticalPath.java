package dev.trimtab.rca.path;

import dev.trimtab.rca.trace.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The critical path of one trace.
 *
 * <p>Per span on the path: its <b>self time</b>, the part of its (skew-corrected) duration not
 * covered by its children on the path, which is where its own work, queueing and the network hops
 * of its calls show; and its <b>inbound wait</b>, the time from the moment its caller could have
 * called it (the caller's start, or the end of the last path sibling that finished before it) to
 * its own start, which is where delays on the way into it (network delay, bandwidth limits) show.
 *
 * @param trace the trace
 * @param spans indices into {@code trace.spans()}: the root, then each span's last-returned child's
 *     path, then the paths of the children that happened before it, in start order
 * @param selfNanos self time of each span on the path
 * @param inboundNanos inbound wait of each span on the path (0 for the root)
 */
public record CriticalPath(Trace trace, int[] spans, long[] selfNanos, long[] inboundNanos) {

  public CriticalPath {
    if (spans.length != selfNanos.length || spans.length != inboundNanos.length) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
  }

  /** End-to-end latency, the root's duration. */
  public long latencyNanos() {
    return trace.durationNanos();
  }

  public int length() {
    return spans.length;
  }

  /** Service of the {@code k}-th span on the path. */
  public String service(int k) {
    return trace.span(spans[k]).service();
  }

  /** The span ids on the path, in path order: what tests compare with a hand-written path. */
  public List<String> spanIds() {
    return IntStream.of(spans).mapToObj(i -> trace.span(i).spanId()).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CriticalPath c
        && trace == c.trace
        && Arrays.equals(spans, c.spans)
        && Arrays.equals(selfNanos, c.selfNanos)
        && Arrays.equals(inboundNanos, c.inboundNanos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(spans) * 31 + Arrays.hashCode(selfNanos);
  }

  @Override
  public String toString() {
    return "CriticalPath" + spanIds();
  }
}
