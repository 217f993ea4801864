package dev.trimtab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.cluster.ClusterEnvConfig;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import java.nio.file.Path;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EnvBenchmarkTest {
  private static ClusterEnvConfig config(int episodeSteps) {
    return ClusterEnvConfig.of(
        Topologies.resolve("hotel-reservation"),
        WorkloadLoader.parseSpec("poisson:rate=100", Path.of(".")),
        episodeSteps);
  }

  @Test
  void timesOnlyTheMeasuredStepsAndCountsRequestsAcrossEpisodeResets() {
    PrimitiveIterator.OfLong ticks = LongStream.of(1_000_000_000L, 3_000_000_000L).iterator();
    // 4-step episodes: 3 warm-up steps, then 6 timed steps cross two episode ends.
    EnvBenchmark.Result r =
        new EnvBenchmark(ticks::nextLong).measure(ClusterEnv.discrete(config(4)), 5, 3, 6);
    assertEquals(6, r.steps());
    assertEquals(2.0, r.wallS(), 0.0);
    // 6 simulated seconds at 100 req/s: about 600 requests, counted over the episode resets
    assertTrue(r.requests() > 450 && r.requests() < 750, "requests " + r.requests());
  }

  @Test
  void sameSeedSameRequests() {
    PrimitiveIterator.OfLong a = LongStream.of(0, 1).iterator();
    PrimitiveIterator.OfLong b = LongStream.of(0, 1).iterator();
    long ra =
        new EnvBenchmark(a::nextLong).measure(ClusterEnv.continuous(config(5)), 9, 2, 7).requests();
    long rb =
        new EnvBenchmark(b::nextLong).measure(ClusterEnv.continuous(config(5)), 9, 2, 7).requests();
    assertEquals(ra, rb);
  }
}
