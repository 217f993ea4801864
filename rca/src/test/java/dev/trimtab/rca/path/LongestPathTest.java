package dev.trimtab.rca.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceAssembler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-built span trees, times in milliseconds, with the path, self times and inbound waits worked
 * out by hand in each test's comment.
 */
class LongestPathTest {
  private static final long MS = 1_000_000;

  static Span s(String id, String parent, String service, long startMs, long endMs) {
    return Span.of("t", id, parent, service, startMs * MS, endMs * MS);
  }

  static Span async(String id, String parent, String service, long startMs, long endMs) {
    return new Span("t", id, parent, service, "", startMs * MS, endMs * MS, false, true);
  }

  static Trace trace(Span... spans) {
    TraceAssembler a = new TraceAssembler("test", ImportLimits.DEFAULT);
    for (Span x : spans) {
      a.add(x);
    }
    return a.assemble().traces().get(0);
  }

  static long[] ms(long... v) {
    long[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= MS;
    }
    return out;
  }

  /**
   * root 0-100 calls a 10-40, then b 45-90 (sequential). Last returned: b; a ended (40) before b
   * started (45): it happened before, so on the path. Path root, b, a. Self: root 100 - (30 + 45) =
   * 25; inbound: a 10 (after root's start), b 5 (after a returned).
   */
  @Test
  void sequentialChildrenAreAllOnThePath() {
    CriticalPath p =
        LongestPath.of(
            trace(
                s("r", null, "front", 0, 100),
                s("a", "r", "auth", 10, 40),
                s("b", "r", "db", 45, 90)));
    assertEquals(List.of("r", "b", "a"), p.spanIds());
    assertArrayEquals(ms(25, 45, 30), p.selfNanos());
    assertArrayEquals(ms(0, 5, 10), p.inboundNanos());
  }

  /**
   * root 0-100 fans out to a 10-50, b 10-80, c 10-60 in parallel. Last returned: b; a and c did not
   * end before b started: not on the path. Path root, b. Self: root 100 - 70 = 30, b 70.
   */
  @Test
  void parallelFanOutKeepsOnlyTheSlowestBranch() {
    CriticalPath p =
        LongestPath.of(
            trace(
                s("r", null, "front", 0, 100),
                s("a", "r", "x", 10, 50),
                s("b", "r", "y", 10, 80),
                s("c", "r", "z", 10, 60)));
    assertEquals(List.of("r", "b"), p.spanIds());
    assertArrayEquals(ms(30, 70), p.selfNanos());
    assertArrayEquals(ms(0, 10), p.inboundNanos());
  }

  /**
   * Nested: root 0-200 calls m 10-150 then n 160-190; m calls p 20-60 and q 20-140 in parallel,
   * then nothing; q calls leaf 30-130. Path: root, n (last), then m (before n), within m: q (last;
   * p overlaps q), within q: leaf. Order: root, n, m, q, leaf. Self: root 200 - 140 - 30 = 30; n
   * 30; m 140 - 120 = 20; q 120 - 100 = 20; leaf 100. Inbound: m 10, n 10 (150 to 160), q 10 (from
   * m's start), leaf 10.
   */
  @Test
  void nestedCallsFollowTheLastReturnedChildAtEveryLevel() {
    CriticalPath p =
        LongestPath.of(
            trace(
                s("r", null, "front", 0, 200),
                s("m", "r", "mid", 10, 150),
                s("n", "r", "log", 160, 190),
                s("p", "m", "cache", 20, 60),
                s("q", "m", "db", 20, 140),
                s("leaf", "q", "disk", 30, 130)));
    assertEquals(List.of("r", "n", "m", "q", "leaf"), p.spanIds());
    assertArrayEquals(ms(30, 30, 20, 20, 100), p.selfNanos());
    assertArrayEquals(ms(0, 10, 10, 10, 10), p.inboundNanos());
  }

  /**
   * root 0-100 calls a 10-50 synchronously and fires b 60-300 that outlives it (and c 20-40 marked
   * FOLLOWS_FROM). Neither b nor c delayed the reply: path root, a; self root 100 - 40 = 60.
   */
  @Test
  void asynchronousChildrenThatOutliveTheParentAreOffThePath() {
    CriticalPath p =
        LongestPath.of(
            trace(
                s("r", null, "front", 0, 100),
                s("a", "r", "x", 10, 50),
                s("b", "r", "mailer", 60, 300),
                async("c", "r", "audit", 20, 45)));
    assertEquals(List.of("r", "a"), p.spanIds());
    assertArrayEquals(ms(60, 40), p.selfNanos());
  }

  /**
   * The db's clock is 50 ms behind: root 100-200 calls db, recorded 60-120 (60 ms long, starting
   * before its caller). Shifted into the middle of root: 120-180, so its child (recorded 70-110)
   * moves by the same 60 ms to 130-170. Path root, db, disk; self root 100 - 60 = 40, db 20, disk
   * 40; inbound db 20, disk 10.
   */
  @Test
  void clockSkewIsCorrectedBeforeChoosingThePath() {
    CriticalPath p =
        LongestPath.of(
            trace(
                s("r", null, "front", 100, 200),
                s("d", "r", "db", 60, 120),
                s("k", "d", "disk", 70, 110)));
    assertEquals(List.of("r", "d", "k"), p.spanIds());
    assertArrayEquals(ms(40, 20, 40), p.selfNanos());
    assertArrayEquals(ms(0, 20, 10), p.inboundNanos());
  }

  static Span failed(String id, String parent, String service, long startMs, long endMs) {
    return new Span("t", id, parent, service, "", startMs * MS, endMs * MS, true, false);
  }

  /**
   * A hang: front 0-100 calls db at 10 and gives up at 100 (failed); db, hung, fails at its own
   * deadline at 150. The failed child outliving its failed parent held the reply: it is cut at 100
   * and stays on the path. Path front, db; self front 100 - 90 = 10, db 90; inbound db 10.
   */
  @Test
  void aFailedChildThatOutlivesItsFailedParentHeldItsReply() {
    CriticalPath p =
        LongestPath.of(trace(failed("r", null, "front", 0, 100), failed("d", "r", "db", 10, 150)));
    assertEquals(List.of("r", "d"), p.spanIds());
    assertArrayEquals(ms(10, 90), p.selfNanos());
    assertArrayEquals(ms(0, 10), p.inboundNanos());
  }

  /** The same shape without a failed parent is asynchrony: db is off the path, front's self 100. */
  @Test
  void aChildOutlivingAParentThatDidNotFailIsAsynchronous() {
    CriticalPath p =
        LongestPath.of(trace(s("r", null, "front", 0, 100), failed("d", "r", "db", 10, 150)));
    assertEquals(List.of("r"), p.spanIds());
    assertArrayEquals(ms(100), p.selfNanos());
  }

  /** A chain of 50 000 calls: no recursion, so no stack overflow. */
  @Test
  void deepTracesDoNotOverflowTheStack() {
    TraceAssembler a = new TraceAssembler("deep", ImportLimits.DEFAULT);
    int n = 50_000;
    for (int i = 0; i < n; i++) {
      a.add(Span.of("t", "s" + i, i == 0 ? null : "s" + (i - 1), "svc", i, 2L * n - i));
    }
    CriticalPath p = LongestPath.of(a.assemble().traces().get(0));
    assertEquals(n, p.length());
    assertEquals(2, p.selfNanos()[0]);
  }
}
