package dev.trimtab.testbed.live.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.ArrivalStream;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback stand-in for a root service. */
class LoadGeneratorTest {
  private HttpServer server;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());

  static Topology topology() {
    ServiceSpec s =
        new ServiceSpec(
            "front",
            ServiceKind.CPU,
            1,
            1,
            128,
            64,
            100,
            5000,
            0,
            List.of(new OperationSpec("op", new Demand(1, 0))));
    CallNode root = new CallNode("front", "op", 1, List.of());
    return new Topology(
        "t",
        "",
        0,
        List.of(s),
        List.of(
            new EndpointSpec("a", 3, new Slo(99, 100), root),
            new EndpointSpec("b", 1, new Slo(99, 100), root)));
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        e -> {
          paths.add(e.getRequestURI().getPath());
          try {
            gate.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
          }
          e.sendResponseHeaders(200, -1);
          e.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Arrivals at fixed offsets: 0, 50, 100, ... ms. */
  static Workload every50ms(int count) {
    return new Workload() {
      @Override
      public ArrivalStream open(java.util.random.RandomGenerator rng) {
        return new ArrivalStream() {
          int n;

          @Override
          public double nextArrivalMs() {
            return n < count ? 50.0 * n++ : Double.POSITIVE_INFINITY;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return 20;
      }

      @Override
      public String describe() {
        return "every 50 ms";
      }
    };
  }

  @Test
  void sendsTheSimulatorsEndpointSequenceAtTheWorkloadsOffsets() throws Exception {
    try (LoadGenerator g = new LoadGenerator(topology(), every50ms(20), 42, s -> url())) {
      long t0 = System.nanoTime();
      g.start(t0);
      while (!g.workloadEnded() || g.inFlight() > 0) {
        Thread.sleep(20);
      }
      List<long[]> arrivals = g.drainArrivals(Long.MAX_VALUE);
      assertEquals(20, arrivals.size());
      SplittableRandom mix = new Seeds(42).stream("request-mix");
      for (int i = 0; i < 20; i++) {
        assertEquals(i * 50_000_000L, arrivals.get(i)[1] - t0, "intended at the workload's offset");
        int expected = mix.nextDouble() < 0.75 ? 0 : 1;
        assertEquals(expected, arrivals.get(i)[0], "request " + i + "'s endpoint");
      }
      assertEquals(20, g.drainEnded().size());
      assertEquals(20, paths.size());
      assertTrue(
          paths.stream()
              .allMatch(p -> p.equals("/trimtab/call/a/0") || p.equals("/trimtab/call/b/0")));
    }
  }

  @Test
  void aStalledServiceDelaysNoSendAndItsLatencyCountsFromTheIntendedTime() throws Exception {
    gate = new CountDownLatch(1);
    try (LoadGenerator g = new LoadGenerator(topology(), every50ms(10), 1, s -> url())) {
      long t0 = System.nanoTime();
      g.start(t0);
      Thread.sleep(700);
      assertEquals(10, g.sent(), "open loop: all sent while none was answered");
      assertEquals(10, g.inFlight());
      gate.countDown();
      while (g.inFlight() > 0) {
        Thread.sleep(10);
      }
      for (RequestRecord r : g.drainEnded()) {
        double sinceStartMs = (r.doneNanos() - t0) / 1e6;
        double intendedMs = (r.intendedNanos() - t0) / 1e6;
        assertEquals(sinceStartMs - intendedMs, r.latencyMs(), 1e-6);
        assertTrue(r.latencyMs() >= 700 - intendedMs - 5, "waited for the stall: " + r.latencyMs());
      }
      assertTrue(g.histogram().getValueAtPercentile(50) >= 400_000, "p50 shows the stall (us)");
    }
  }

  @Test
  void aRateFactorPlaysTheWorkloadFaster() throws Exception {
    Workload poisson = WorkloadLoader.parseSpec("poisson:rate=50", Path.of("."));
    try (LoadGenerator g = new LoadGenerator(topology(), poisson, 3, s -> url())) {
      long t0 = System.nanoTime();
      g.start(t0);
      g.setRateFactor(4);
      Thread.sleep(1000);
      g.stop();
      long sent = g.drainArrivals(t0 + 1_000_000_000L).size();
      // 200 req/s for 1 s: Poisson, 4 standard deviations either side of 200 is 143..257
      assertTrue(sent > 143 && sent < 257, "sent " + sent);
    }
  }

  @Test
  void noReadyReplicaIsAnErrorNotAHang() throws Exception {
    try (LoadGenerator g = new LoadGenerator(topology(), every50ms(3), 1, s -> null)) {
      g.start(System.nanoTime());
      Thread.sleep(300);
      List<RequestRecord> ended = g.drainEnded();
      assertEquals(3, ended.size());
      assertTrue(ended.stream().allMatch(r -> r.outcome() == RequestRecord.ERRORED));
    }
  }
}
