package dev.trimtab.testbed.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallHandlerTest {

  @Test
  void aStepIsOkOnlyWhenEveryCallIs() {
    CompletableFuture<Outcome> a = new CompletableFuture<>();
    CompletableFuture<Outcome> b = new CompletableFuture<>();
    CompletableFuture<Outcome> step = CallHandler.firstFailureOrAll(List.of(a, b));
    a.complete(Outcome.OK);
    assertFalse(step.isDone(), "waits for the last call");
    b.complete(Outcome.OK);
    assertEquals(Outcome.OK, step.join());
    assertEquals(Outcome.OK, CallHandler.firstFailureOrAll(List.of()).join(), "no call made");
  }

  @Test
  void theFirstFailureFailsTheStepAtOnce() {
    CompletableFuture<Outcome> slow = new CompletableFuture<>();
    CompletableFuture<Outcome> failed = CompletableFuture.completedFuture(Outcome.DROPPED);
    CompletableFuture<Outcome> step = CallHandler.firstFailureOrAll(List.of(slow, failed));
    assertTrue(step.isDone(), "without waiting for its sibling");
    assertEquals(Outcome.DROPPED, step.join());
  }

  @Test
  void outcomesTravelAsStatusAndHeader() {
    assertEquals(Outcome.OK, Outcome.of(200, null));
    assertEquals(Outcome.DROPPED, Outcome.of(503, null), "a full queue answers 503");
    assertEquals(Outcome.DROPPED, Outcome.of(500, "dropped"), "a drop further down");
    assertEquals(Outcome.ERRORED, Outcome.of(500, null), "Chaos Monkey's exception");
    assertEquals(Outcome.ERRORED, Outcome.of(504, "errored"));
  }
}
