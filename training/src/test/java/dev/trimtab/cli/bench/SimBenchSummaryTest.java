package dev.trimtab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimBenchSummaryTest {
  private static SimBenchResult repeat(long requests, double wallS) {
    return new SimBenchResult("social-network", 1000, 600, requests, requests * 20, wallS, "17");
  }

  @Test
  void medianAndRangeOfTheRepeatsThroughput() {
    // 300k, 500k, 400k, 600k, 450k requests/s, in no order
    SimBenchSummary s =
        SimBenchSummary.of(
            List.of(
                repeat(600_000, 2.0),
                repeat(600_000, 1.2),
                repeat(600_000, 1.5),
                repeat(600_000, 1.0),
                repeat(900_000, 2.0)));
    assertEquals(5, s.repeats());
    assertEquals(450_000, s.requestsPerSMedian(), 1e-6);
    assertEquals(300_000, s.requestsPerSMin(), 1e-6);
    assertEquals(600_000, s.requestsPerSMax(), 1e-6);
    assertEquals(9_000_000, s.eventsPerSMedian(), 1e-6);
    assertEquals(
        "{\"bench\":\"sim\",\"topology\":\"social-network\",\"rate_per_s\":1000,\"repeats\":5,"
            + "\"requests_per_s_median\":450000,\"requests_per_s_min\":300000,"
            + "\"requests_per_s_max\":600000,\"events_per_s_median\":9000000,\"jdk\":\"17\"}",
        s.toJsonLine());
  }

  @Test
  void anEvenCountTakesTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, SimBenchSummary.median(new double[] {4, 1, 3, 2}), 0.0);
    assertEquals(7, SimBenchSummary.median(new double[] {7}), 0.0);
  }

  @Test
  void nothingToSummariseIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> SimBenchSummary.of(List.of()));
  }
}
