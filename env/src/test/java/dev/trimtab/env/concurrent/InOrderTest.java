package dev.trimtab.env.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InOrderTest {
  /** Later tasks finish first (earlier ones wait for them), yet results come in task order. */
  @Test
  void resultsInTaskOrderWhateverTheCompletionOrder() {
    int n = 8;
    List<CountDownLatch> done = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      done.add(new CountDownLatch(1));
    }
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      tasks.add(
          () -> {
            // with two threads, task k waits for task k+1 when that one is running
            if (k % 2 == 0 && k + 1 < n) {
              done.get(k + 1).await();
            }
            done.get(k).countDown();
            return k * k;
          });
    }
    assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49), InOrder.run(tasks, 2, "t"));
    List<Callable<String>> names = List.of(() -> "a", () -> "b", () -> "c");
    assertEquals(List.of("a", "b", "c"), InOrder.run(names, 1, "t"));
  }

  @Test
  void aFailingTaskRethrowsItsOwnException() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    List<Callable<Integer>> tasks =
        List.of(
            () -> 1,
            () -> {
              throw boom;
            });
    assertSame(
        boom, assertThrows(IllegalArgumentException.class, () -> InOrder.run(tasks, 2, "t")));
  }
}
