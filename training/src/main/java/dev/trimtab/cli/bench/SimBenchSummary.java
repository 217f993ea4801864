package dev.trimtab.cli.bench;

import dev.trimtab.cli.output.Json;
import java.util.Arrays;
import java.util.List;

/**
 * What several repeats of one simulator benchmark add up to: the median and the spread of their
 * throughput. On a shared machine single repeats vary by tens of percent from one second to the
 * next; the median of several is the figure to quote, with its range.
 *
 * @param topology the topology's name
 * @param ratePerS the Poisson arrival rate offered, requests per simulated second
 * @param repeats how many repeats
 * @param requestsPerSMedian median of the repeats' simulated requests per wall-clock second
 * @param requestsPerSMin the slowest repeat's
 * @param requestsPerSMax the fastest repeat's
 * @param eventsPerSMedian median of the repeats' simulator events per wall-clock second
 * @param jdk the Java version that ran them
 */
public record SimBenchSummary(
    String topology,
    double ratePerS,
    int repeats,
    double requestsPerSMedian,
    double requestsPerSMin,
    double requestsPerSMax,
    double eventsPerSMedian,
    String jdk) {

  /** The summary of {@code results}, repeats of one benchmark (at least one). */
  public static SimBenchSummary of(List<SimBenchResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results to summarise");
    }
    double[] requests =
        results.stream().mapToDouble(SimBenchResult::requestsPerS).sorted().toArray();
    double[] events = results.stream().mapToDouble(SimBenchResult::eventsPerS).toArray();
    SimBenchResult first = results.get(0);
    return new SimBenchSummary(
        first.topology(),
        first.ratePerS(),
        results.size(),
        median(requests),
        requests[0],
        requests[requests.length - 1],
        median(events),
        first.jdk());
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** One JSON object on one line, keys in a fixed order. */
  public String toJsonLine() {
    return Json.line(
        out -> {
          out.writeStringField("bench", "sim");
          out.writeStringField("topology", topology);
          Json.compact(out, "rate_per_s", ratePerS);
          out.writeNumberField("repeats", repeats);
          Json.fixed(out, "requests_per_s_median", requestsPerSMedian, 0);
          Json.fixed(out, "requests_per_s_min", requestsPerSMin, 0);
          Json.fixed(out, "requests_per_s_max", requestsPerSMax, 0);
          Json.fixed(out, "events_per_s_median", eventsPerSMedian, 0);
          out.writeStringField("jdk", jdk);
        });
  }
}
