package dev.trimtab.rca.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceAssemblerTest {
  private final TraceAssembler a =
      new TraceAssembler("test", new ImportLimits(1 << 20, 1000, 50, 1_000_000));

  private void add(String trace, String id, String parent, long start, long end) {
    a.add(trace, id, parent, "svc", "op", start, end, false, false);
  }

  @Test
  void buildsTreesBreadthFirstWithChildrenByStart() {
    add("t", "r", null, 0, 100);
    add("t", "b", "r", 50, 60);
    add("t", "a", "r", 10, 20);
    add("t", "c", "a", 12, 13);
    Trace t = a.assemble().traces().get(0);
    assertEquals(List.of("r", "a", "b", "c"), t.spans().stream().map(Span::spanId).toList());
    assertEquals(1, t.parent(3));
    assertEquals(List.of(1, 2), List.of(t.child(0, 0), t.child(0, 1)));
  }

  @Test
  void skipsAndCountsWhatCannotBeATree() {
    add("t", "r", null, 0, 100);
    add("t", "a", "r", 10, 20);
    add("t", "a", "r", 10, 30); // duplicate id
    add("t", "x", "y", 10, 20); // cycle x -> y -> x
    add("t", "y", "x", 10, 20);
    add("t", "z", "z", 10, 20); // its own parent
    add("t", "o", "gone", 10, 20); // missing parent, and its child
    add("t", "o2", "o", 11, 12);
    add("t", "r2", null, 0, 50); // a second, shorter root
    add("t", "neg", "r", 30, 20);
    add("t", "huge", "r", 0, 5_000_000);
    add("u", "u1", "nobody", 0, 10); // a trace with no root
    a.add("t", null, "r", "svc", "op", 0L, 1L, false, false);
    TraceBatch b = a.assemble();
    assertEquals(1, b.traces().size());
    assertEquals(2, b.traces().get(0).size());
    assertEquals(
        Map.of(
            ImportReport.DUPLICATE_ID, 1L,
            ImportReport.CYCLE, 3L,
            ImportReport.MISSING_PARENT, 2L,
            ImportReport.EXTRA_ROOT, 1L,
            ImportReport.NEGATIVE_DURATION, 1L,
            ImportReport.HUGE_DURATION, 1L,
            ImportReport.TRACE_WITHOUT_ROOT, 1L,
            ImportReport.MISSING_FIELD, 1L),
        b.report().skipped());
  }

  @Test
  void refusesMoreSpansThanTheLimit() {
    for (int i = 0; i < 1000; i++) {
      add("t" + i, "s", null, 0, 1);
    }
    assertThrows(TraceFormatException.class, () -> add("x", "s", null, 0, 1));
  }

  @Test
  void skipsTracesLargerThanTheLimit() {
    for (int i = 0; i < 51; i++) {
      add("big", "s" + i, i == 0 ? null : "s0", 0, 1);
    }
    add("small", "s", null, 0, 1);
    TraceBatch b = a.assemble();
    assertEquals(1, b.traces().size());
    assertEquals(Map.of(ImportReport.TRACE_TOO_LARGE, 1L), b.report().skipped());
  }
}
