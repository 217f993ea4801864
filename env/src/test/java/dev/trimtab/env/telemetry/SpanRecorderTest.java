package dev.trimtab.env.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One callback in, one SDK span out, with hand-computed ids, times and attributes. */
class SpanRecorderTest {
  /** 1767225600 s = 2026-01-01T00:00:00Z (56 years after 1970, 14 of them leap years). */
  private static final long JAN_2026_NANOS = 1_767_225_600_000_000_000L;

  @Test
  void aRootCallBecomesAServerSpanOnTheServicesResource() {
    SpanRecorder recorder = new SpanRecorder(10);
    recorder.onSpan(1, 2, 0xabc, 0, "frontend", "home", "search", 1.5, 4.25, false);
    SpanData span = recorder.drain().get(0);

    assertEquals("00000000000000010000000000000002", span.getTraceId());
    assertEquals("0000000000000abc", span.getSpanId());
    assertFalse(span.getParentSpanContext().isValid(), "a root has no parent");
    assertEquals("home", span.getName());
    assertEquals(SpanKind.SERVER, span.getKind());
    assertEquals(JAN_2026_NANOS + 1_500_000, span.getStartEpochNanos());
    assertEquals(JAN_2026_NANOS + 4_250_000, span.getEndEpochNanos());
    assertTrue(span.hasEnded());
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertEquals("dev.trimtab.sim", span.getInstrumentationScopeInfo().getName());
    assertEquals(
        Attributes.of(AttributeKey.stringKey("service.name"), "frontend"),
        span.getResource().getAttributes());
    assertEquals(
        Attributes.builder()
            .put("rpc.system.name", "grpc")
            .put("rpc.method", "frontend/home")
            .put("rpc.response.status_code", "OK")
            .put("trimtab.endpoint", "search")
            .build(),
        span.getAttributes());
  }

  @Test
  void aChildCallPointsAtItsLocalParentAndAFailureIsAnError() {
    SpanRecorder recorder = new SpanRecorder(10);
    recorder.onSpan(-1, -2, 0x11, 0xabc, "db", "get", "search", 2, 3, true);
    SpanData span = recorder.drain().get(0);

    assertEquals("fffffffffffffffffffffffffffffffe", span.getTraceId());
    assertEquals(span.getTraceId(), span.getParentSpanContext().getTraceId());
    assertEquals("0000000000000abc", span.getParentSpanId());
    assertFalse(span.getParentSpanContext().isRemote());
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(SpanRecorder.ERROR_DESCRIPTION, span.getStatus().getDescription());
    assertEquals("UNKNOWN", span.getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void spansBeyondTheBoundAreDroppedAndCounted() {
    SpanRecorder recorder = new SpanRecorder(3);
    for (int i = 1; i <= 5; i++) {
      recorder.onSpan(1, i, i, 0, "s", "op", "e", i, i + 1, false);
    }
    List<SpanData> first = recorder.drain();
    assertEquals(3, first.size());
    assertEquals("0000000000000003", first.get(2).getSpanId(), "the first three are kept");
    assertEquals(2, recorder.droppedSpans());
    recorder.onSpan(1, 6, 6, 0, "s", "op", "e", 6, 7, false);
    assertEquals(1, recorder.drain().size(), "draining makes room again");
    assertEquals(4, recorder.recordedSpans());
    assertTrue(recorder.drain().isEmpty());
  }

  @Test
  void oneResourcePerServiceIsReused() {
    SpanRecorder recorder = new SpanRecorder(10);
    recorder.onSpan(1, 1, 1, 0, "a", "op", "e", 0, 1, false);
    recorder.onSpan(1, 1, 2, 1, "b", "op", "e", 0, 1, false);
    recorder.onSpan(1, 2, 3, 0, "a", "op", "e", 1, 2, false);
    List<SpanData> spans = recorder.drain();
    assertSame(spans.get(0).getResource(), spans.get(2).getResource());
    assertFalse(spans.get(0).getResource().equals(spans.get(1).getResource()));
  }

  @Test
  void theEpochIsConfigurable() {
    SpanRecorder recorder = new SpanRecorder(10, Instant.parse("1970-01-01T00:00:01.000000002Z"));
    recorder.onSpan(1, 1, 1, 0, "a", "op", "e", 0.000001, 1, false);
    SpanData span = recorder.drain().get(0);
    assertEquals(1_000_000_003L, span.getStartEpochNanos());
    assertEquals(1_001_000_002L, span.getEndEpochNanos());
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SpanRecorder(0));
  }
}
