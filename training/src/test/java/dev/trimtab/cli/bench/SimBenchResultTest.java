package dev.trimtab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimBenchResultTest {

  @Test
  void oneJsonLineWithRatesFromCountsAndWallTime() {
    SimBenchResult r = new SimBenchResult("social-network", 1000, 60, 60_000, 900_000, 2.5, "17");
    assertEquals(24_000, r.requestsPerS(), 0.0);
    assertEquals(360_000, r.eventsPerS(), 0.0);
    assertEquals(
        "{\"bench\":\"sim\",\"topology\":\"social-network\",\"rate_per_s\":1000,"
            + "\"simulated_s\":60,\"requests\":60000,\"events\":900000,\"wall_s\":2.500,"
            + "\"requests_per_s\":24000,\"events_per_s\":360000,\"jdk\":\"17\"}",
        r.toJsonLine());
  }
}
