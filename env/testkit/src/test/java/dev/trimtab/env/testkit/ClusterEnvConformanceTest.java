package dev.trimtab.env.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.cluster.ClusterEnvConfig;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.WorkloadLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The cluster env keeps the ParallelEnv contract. It lives here because the env module cannot
 * depend on its own testkit (Maven rejects the cycle).
 */
class ClusterEnvConformanceTest {
  private static final int EPISODE_STEPS = 5;

  private static ClusterEnvConfig config() {
    Topology topology = Topologies.resolve("hotel-reservation");
    return ClusterEnvConfig.of(
        topology, WorkloadLoader.parseSpec("poisson:rate=50", Path.of(".")), EPISODE_STEPS);
  }

  /** Episodes of 5 one-second steps: 12 steps end 2 of them. */
  @Test
  void discreteClusterEnvPassesTheParallelChecker() {
    ClusterEnvConfig config = config();
    CheckReport report = ParallelEnvChecker.check(() -> ClusterEnv.discrete(config), 11L, 12);
    assertEquals(2, report.episodesEnded());
  }

  @Test
  void continuousClusterEnvPassesTheParallelChecker() {
    ClusterEnvConfig config = config();
    CheckReport report = ParallelEnvChecker.check(() -> ClusterEnv.continuous(config), 11L, 12);
    assertEquals(2, report.episodesEnded());
  }
}
