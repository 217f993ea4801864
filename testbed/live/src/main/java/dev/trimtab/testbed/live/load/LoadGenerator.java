package dev.trimtab.testbed.live.load;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.ArrivalStream;
import dev.trimtab.env.workload.Workload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Replays a workload against live services, open loop: arrival times come from the workload's
 * stream (seeded like the simulator's, {@code workload} and {@code request-mix} streams of the
 * seed, so the same seed sends the same sequence of endpoints at the same offsets), and each
 * request is sent at its time whatever happened to earlier ones. Latency counts from the time the
 * request was meant to leave, so a generator that falls behind shows the delay instead of hiding it
 * (coordinated omission).
 *
 * <p>A rate factor stretches or squeezes time from the moment it is set (as the simulator's rate
 * multiplier does): with factor f, the workload's next t seconds are played in t / f wall seconds.
 * A mix override replaces the endpoint weights.
 *
 * <p>Each request goes to {@code GET /trimtab/call/ENDPOINT/0} on a replica of the endpoint's root
 * service and may wait that service's {@code timeoutMs}. What happened is read, interval by
 * interval, with {@link #drainArrivals} and {@link #drainEnded}; the run's latency histogram
 * (HdrHistogram, 3 significant digits, as the simulator's run summary) with {@link #histogram}.
 */
public final class LoadGenerator implements AutoCloseable {
  private static final long MAX_TRACKED_US = 3_600_000_000L;

  private final Topology topology;
  private final Workload workload;
  private final Seeds seeds;
  private final Function<String, URI> replicaOf;
  private final double[] baseCumulative;
  private final ExecutorService executor;
  private final HttpClient client;
  private final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<RequestRecord> ended = new ConcurrentLinkedQueue<>();
  private final Histogram histogram = new ConcurrentHistogram(MAX_TRACKED_US, 3);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private volatile double[] cumulative;
  private volatile boolean stopped;
  private volatile boolean workloadEnded;
  private Thread thread;
  private long startNanos;
  private double anchorWorkloadMs;
  private long anchorNanos;
  private double factor = 1;

  /**
   * @param replicaOf the URL of a ready replica of a service, round-robin, or null if it has none
   */
  public LoadGenerator(
      Topology topology, Workload workload, long seed, Function<String, URI> replicaOf) {
    this.topology = topology;
    this.workload = workload;
    this.seeds = new Seeds(seed);
    this.replicaOf = replicaOf;
    this.baseCumulative = cumulativeWeights(topology, workload.mix());
    this.cumulative = baseCumulative;
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "load-client");
              t.setDaemon(true);
              return t;
            });
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
  }

  /** Cumulative endpoint weights of {@code mix} (topology weights when it is empty). */
  static double[] cumulativeWeights(Topology topology, Map<String, Double> mix) {
    List<EndpointSpec> endpoints = topology.endpoints();
    double[] c = new double[endpoints.size()];
    double total = 0;
    for (int e = 0; e < endpoints.size(); e++) {
      String name = endpoints.get(e).name();
      total += mix.isEmpty() ? endpoints.get(e).weight() : mix.getOrDefault(name, 0.0);
      c[e] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the request mix gives no weight to any endpoint");
    }
    for (int e = 0; e < c.length; e++) {
      c[e] /= total;
    }
    return c;
  }

  static int pick(double[] cumulative, double u) {
    for (int e = 0; e < cumulative.length; e++) {
      if (u < cumulative[e]) {
        return e;
      }
    }
    return cumulative.length - 1;
  }

  /** Starts sending; workload time 0 is {@code startNanos} ({@link System#nanoTime()}). */
  public synchronized void start(long startNanos) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    this.startNanos = startNanos;
    this.anchorNanos = startNanos;
    this.anchorWorkloadMs = 0;
    thread = new Thread(this::run, "load-generator");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    SplittableRandom mixRng = seeds.stream("request-mix");
    try (ArrivalStream stream = workload.open(seeds.stream("workload"))) {
      while (!stopped) {
        double atMs = stream.nextArrivalMs();
        if (Double.isInfinite(atMs)) {
          workloadEnded = true;
          return;
        }
        int endpoint = pick(cumulative, mixRng.nextDouble());
        long intended = waitFor(atMs);
        if (stopped) {
          return;
        }
        send(endpoint, intended);
      }
    }
  }

  /** Sleeps until the wall time of workload time {@code atMs}; returns that time. */
  private long waitFor(double atMs) {
    while (!stopped) {
      long due = wallNanos(atMs);
      long now = System.nanoTime();
      if (now >= due) {
        return due;
      }
      LockSupport.parkNanos(Math.min(due - now, 5_000_000L));
    }
    return System.nanoTime();
  }

  private synchronized long wallNanos(double workloadMs) {
    return anchorNanos + Math.round((workloadMs - anchorWorkloadMs) / factor * 1e6);
  }

  private synchronized double workloadMsAt(long nanos) {
    return anchorWorkloadMs + (nanos - anchorNanos) / 1e6 * factor;
  }

  private void send(int endpoint, long intended) {
    EndpointSpec spec = topology.endpoints().get(endpoint);
    arrivals.add(new long[] {endpoint, intended});
    sent.incrementAndGet();
    URI base = replicaOf.apply(spec.root().service());
    if (base == null) {
      ended.add(new RequestRecord(endpoint, intended, System.nanoTime(), RequestRecord.ERRORED));
      return;
    }
    double timeoutMs = topology.service(spec.root().service()).timeoutMs();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/trimtab/call/" + spec.name() + "/0"))
            .timeout(Duration.ofNanos(Math.max(1, Math.round(timeoutMs * 1e6))))
            .GET()
            .build();
    inFlight.incrementAndGet();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              long done = System.nanoTime();
              int outcome = outcome(response, error);
              RequestRecord r = new RequestRecord(endpoint, intended, done, outcome);
              if (outcome == RequestRecord.COMPLETED) {
                histogram.recordValue(
                    Math.min(MAX_TRACKED_US, Math.max(0, (done - intended) / 1000)));
              }
              ended.add(r);
              inFlight.decrementAndGet();
            });
  }

  private static int outcome(HttpResponse<Void> response, Throwable error) {
    if (error != null) {
      return RequestRecord.ERRORED;
    }
    if (response.statusCode() == 200) {
      return RequestRecord.COMPLETED;
    }
    String failure = response.headers().firstValue("X-Trimtab-Failure").orElse(null);
    boolean dropped =
        "dropped".equals(failure) || (failure == null && response.statusCode() == 503);
    return dropped ? RequestRecord.DROPPED : RequestRecord.ERRORED;
  }

  /**
   * Multiplies the arrival rate by {@code newFactor} from now on (1 restores the workload's own).
   */
  public synchronized void setRateFactor(double newFactor) {
    if (!(newFactor > 0) || !Double.isFinite(newFactor)) {
      throw new IllegalArgumentException("rate factor must be > 0, got " + newFactor);
    }
    long now = System.nanoTime();
    anchorWorkloadMs = workloadMsAt(Math.max(now, startNanos));
    anchorNanos = Math.max(now, startNanos);
    factor = newFactor;
  }

  /** Replaces the request mix (by endpoint name); null restores the workload's. */
  public void setMix(Map<String, Double> weights) {
    cumulative = weights == null ? baseCumulative : cumulativeWeights(topology, weights);
  }

  /** Endpoint indices and intended send times of requests meant to leave before {@code nanos}. */
  public List<long[]> drainArrivals(long beforeNanos) {
    List<long[]> out = new ArrayList<>();
    for (long[] a = arrivals.peek(); a != null && a[1] < beforeNanos; a = arrivals.peek()) {
      out.add(arrivals.poll());
    }
    return out;
  }

  /** Every request that ended since the last call (in no particular order). */
  public List<RequestRecord> drainEnded() {
    List<RequestRecord> out = new ArrayList<>();
    for (RequestRecord r = ended.poll(); r != null; r = ended.poll()) {
      out.add(r);
    }
    return out;
  }

  /** Latencies of every completed request of the run, in microseconds. */
  public Histogram histogram() {
    return histogram;
  }

  public long sent() {
    return sent.get();
  }

  public long inFlight() {
    return inFlight.get();
  }

  /** Whether the workload has no more arrivals. */
  public boolean workloadEnded() {
    return workloadEnded;
  }

  public long startNanos() {
    return startNanos;
  }

  /** Stops sending; requests in flight still end and are recorded. */
  public void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
    executor.shutdownNow();
  }
}
