package dev.trimtab.testbed.live.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent's view of frontend -> db (frontend server span 1, its client span 2, db's server span
 * 3) becomes the simulator's (3's parent is 1), whatever order the services export in.
 */
class SpanFolderTest {
  private static final long GRACE = 1_000;

  private static SpanFolder.RawSpan server(long id, long parent, String service) {
    return new SpanFolder.RawSpan(7, 8, id, parent, true, service, "op", "browse", 0, 10, false);
  }

  private static SpanFolder.RawSpan client(long id, long parent) {
    return new SpanFolder.RawSpan(7, 8, id, parent, false, "frontend", "GET", "", 0, 10, false);
  }

  @Test
  void aCalleeSpanWaitsForItsCallersSpansThenGetsTheCallersServerSpanAsParent() {
    SpanFolder f = new SpanFolder(100);
    f.add(List.of(server(3, 2, "db")), 0);
    assertTrue(f.drain(10, GRACE).isEmpty(), "its caller's client span has not arrived");
    f.add(List.of(client(2, 1), server(1, 0, "frontend")), 20);
    List<LiveSpan> out = f.drain(30, GRACE);
    assertEquals(2, out.size());
    LiveSpan db = out.get(0);
    assertEquals(3, db.spanId());
    assertEquals(1, db.parentSpanId(), "the client span is folded away");
    assertEquals(0, out.get(1).parentSpanId(), "the root");
    assertEquals(0, f.pending());
    assertEquals(0, f.dangling());
  }

  @Test
  void internalSpansBetweenAreFoldedToo() {
    SpanFolder f = new SpanFolder(100);
    f.add(List.of(server(1, 0, "frontend"), client(5, 4), client(4, 1), server(6, 5, "db")), 0);
    List<LiveSpan> out = f.drain(0, GRACE);
    assertEquals(
        1, out.stream().filter(s -> s.spanId() == 6).findFirst().orElseThrow().parentSpanId());
  }

  @Test
  void aSpanWhoseCallerNeverReportsIsReleasedAfterTheGraceAndCounted() {
    SpanFolder f = new SpanFolder(100);
    f.add(List.of(server(3, 2, "db")), 0);
    assertTrue(f.drain(GRACE - 1, GRACE).isEmpty());
    List<LiveSpan> out = f.drain(GRACE, GRACE);
    assertEquals(1, out.size());
    assertEquals(2, out.get(0).parentSpanId(), "the dangling parent, as reported");
    assertEquals(1, f.dangling());
  }

  @Test
  void memoryIsBoundedByDroppingTheOldestWaitingSpan() {
    SpanFolder f = new SpanFolder(2);
    f.add(List.of(server(10, 99, "a"), server(11, 99, "a"), server(12, 99, "a")), 0);
    assertEquals(2, f.pending());
    assertEquals(1, f.dropped());
    assertEquals(List.of(11L, 12L), f.drain(GRACE, GRACE).stream().map(LiveSpan::spanId).toList());
  }

  @Test
  void spansGoToASimulatorSinkInRunMilliseconds() {
    LiveSpan s =
        new LiveSpan(1, 2, 3, 4, "db", "get", "browse", 2_500_000_000L, 2_507_500_000L, true);
    double[] got = new double[2];
    boolean[] error = new boolean[1];
    s.sendTo(
        (hi, lo, id, parent, service, op, endpoint, startMs, endMs, err) -> {
          got[0] = startMs;
          got[1] = endMs;
          error[0] = err;
        },
        2_000_000_000L);
    assertEquals(500, got[0], 1e-9);
    assertEquals(507.5, got[1], 1e-9);
    assertTrue(error[0]);
  }
}
