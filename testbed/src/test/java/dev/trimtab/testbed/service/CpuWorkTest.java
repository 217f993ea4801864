package dev.trimtab.testbed.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real CPU work and the station it runs on. */
class CpuWorkTest {

  @Test
  void aBurnUsesTheAskedThreadCpuTime() {
    long before = CpuBurner.threadCpuNanos();
    long used = CpuBurner.burn(20_000_000);
    long after = CpuBurner.threadCpuNanos();
    assertTrue(used >= 20_000_000, "at least the asked 20 ms: " + used);
    assertTrue(used < 30_000_000, "and little more: " + used);
    assertEquals(after - before, used, 1_000_000, "what the thread's clock says");
  }

  @Test
  void workersCoverTheLimitRoundedUp() {
    assertEquals(1, CpuStation.workersFor(0.25));
    assertEquals(1, CpuStation.workersFor(1));
    assertEquals(2, CpuStation.workersFor(1.5));
    assertEquals(4, CpuStation.workersFor(4));
    assertThrows(IllegalArgumentException.class, () -> CpuStation.workersFor(0));
  }

  @Test
  void aFullQueueRejectsAndAResizeChangesTheWorkers() throws Exception {
    try (CpuStation station = new CpuStation(1, 2)) {
      CountDownLatch release = new CountDownLatch(1);
      Runnable blocked =
          () -> {
            try {
              release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      CompletableFuture<Void> running = station.submit(blocked);
      Thread.sleep(50);
      station.submit(blocked);
      station.submit(blocked);
      assertEquals(2, station.queued());
      assertThrows(
          RejectedExecutionException.class, () -> station.submit(blocked), "queue bound 2");
      station.resize(2.5);
      assertEquals(3, station.workers());
      release.countDown();
      running.get(5, TimeUnit.SECONDS);
      station.resize(0.5);
      assertEquals(1, station.workers());
    }
  }
}
