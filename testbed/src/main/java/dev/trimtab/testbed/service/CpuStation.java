package dev.trimtab.testbed.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where CPU bursts run: a FIFO pool of {@code ceil(cpuLimitCores)} worker threads with a queue of
 * {@code queueBound} waiting bursts, the simulator's station (docs/simulator.md, "CPU: the limit is
 * the speed"). The cgroup's CFS quota makes the limit the speed; the pool keeps concurrency at the
 * number of cores the limit covers, as a service sizes its workers to its CPU limit (GOMAXPROCS
 * from the quota). A burst that finds the queue full is rejected: the call is dropped (HTTP 503).
 */
public final class CpuStation implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final int queueBound;

  public CpuStation(double cpuLimitCores, int queueBound) {
    int workers = workersFor(cpuLimitCores);
    this.queueBound = queueBound;
    AtomicInteger serial = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(queueBound),
            r -> {
              Thread t = new Thread(r, "cpu-" + serial.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Worker threads for a limit: one per core or part of a core it covers, at least one. */
  public static int workersFor(double cpuLimitCores) {
    if (!(cpuLimitCores > 0) || !Double.isFinite(cpuLimitCores)) {
      throw new IllegalArgumentException("cpuLimitCores must be > 0, got " + cpuLimitCores);
    }
    return Math.max(1, (int) Math.ceil(cpuLimitCores - 1e-9));
  }

  /**
   * Queues {@code burst}; the future completes when it has run.
   *
   * @throws RejectedExecutionException when {@code queueBound} bursts already wait
   */
  public CompletableFuture<Void> submit(Runnable burst) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    pool.execute(
        () -> {
          try {
            burst.run();
            done.complete(null);
          } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
          }
        });
    return done;
  }

  /** Resizes the pool for a new CPU limit; bursts already running finish on their thread. */
  public synchronized void resize(double cpuLimitCores) {
    int workers = workersFor(cpuLimitCores);
    if (workers > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(workers);
      pool.setCorePoolSize(workers);
    } else {
      pool.setCorePoolSize(workers);
      pool.setMaximumPoolSize(workers);
    }
  }

  public int workers() {
    return pool.getCorePoolSize();
  }

  /** Bursts waiting for a worker. */
  public int queued() {
    return pool.getQueue().size();
  }

  public int queueBound() {
    return queueBound;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
