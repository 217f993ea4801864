package dev.trimtab.env.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks on a fixed pool of daemon threads and returns their results in the order
 * of the tasks, never in completion order: with tasks that are deterministic on their own, the
 * result does not depend on the number of threads.
 */
public final class InOrder {
  private InOrder() {}

  /**
   * Runs {@code tasks} on {@code threads} threads (at least one) named {@code name-1}, {@code
   * name-2}... The first task to fail stops the rest; its runtime exception is rethrown as it was,
   * any other cause wrapped.
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks, int threads, String name) {
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
