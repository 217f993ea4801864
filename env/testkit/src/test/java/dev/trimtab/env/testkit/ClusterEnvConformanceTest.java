package dev.trimtab.env.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.cluster.ClusterEnvConfig;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parallel env checker on ClusterEnv, for every bundled topology, in both action variants. */
class ClusterEnvConformanceTest {
  static java.util.List<String> topologies() {
    return Topologies.bundledNames();
  }

  /** Short episodes (5 steps of 1 s) so that the checker crosses episode ends too. */
  private static ClusterEnvConfig config(String name) {
    Topology t = Topologies.resolve(name);
    Workload w = WorkloadLoader.parseSpec("poisson:rate=50", Path.of("."));
    return ClusterEnvConfig.of(t, w, 5);
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void discreteClusterEnvKeepsTheParallelContract(String name) {
    ClusterEnvConfig c = config(name);
    CheckReport report = ParallelEnvChecker.check(() -> ClusterEnv.discrete(c), 11, 12);
    assertEquals(12, report.steps());
    assertTrue(report.episodesEnded() >= 2, "12 steps cross two 5-step episode ends");
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void continuousClusterEnvKeepsTheParallelContract(String name) {
    ClusterEnvConfig c = config(name);
    CheckReport report = ParallelEnvChecker.check(() -> ClusterEnv.continuous(c), 12, 12);
    assertEquals(12, report.steps());
    assertTrue(report.episodesEnded() >= 2);
  }
}
