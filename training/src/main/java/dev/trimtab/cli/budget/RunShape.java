package dev.trimtab.cli.budget;

import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.util.Objects;

/**
 * What one simulated run is, as far as its cost goes, and how the user named each value, so that a
 * refusal can quote the value that is too large as the user wrote it.
 *
 * @param topology the application simulated
 * @param workload its arrivals
 * @param durationS simulated seconds, > 0
 * @param intervalS control interval in seconds, > 0
 * @param spanSampling share of requests whose spans are kept (written to a file or buffered for a
 *     localizer), in [0, 1]; 0 for none
 * @param keeps what the run keeps of each interval
 * @param names how the user gave each value
 */
public record RunShape(
    Topology topology,
    Workload workload,
    double durationS,
    double intervalS,
    double spanSampling,
    Keeps keeps,
    Names names) {

  /**
   * The values as the user wrote them, e.g. {@code --duration 600s} or {@code durationS 600}, and
   * {@code where} they were written (a problem file; empty for the command line), which starts
   * every refusal; {@code sampling} names what sets the span sampling rate.
   */
  public record Names(
      String where,
      String duration,
      String interval,
      String workload,
      String topology,
      String sampling) {

    /** Names of a run given on the command line: no file to name first. */
    public Names(
        String duration, String interval, String workload, String topology, String sampling) {
      this("", duration, interval, workload, topology, sampling);
    }

    public Names {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(topology, "topology");
      Objects.requireNonNull(sampling, "sampling");
    }
  }

  /** What a run keeps of each interval once it is over. */
  public enum Keeps {
    /** Rows of metrics.csv and endpoints.csv, and each endpoint's median for the report (sim). */
    RUN_FILES,
    /** One sample in memory until the leaderboard is written (eval). */
    SAMPLES,
    /** Nothing (a benchmark). */
    NOTHING
  }

  public RunShape {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(keeps, "keeps");
    Objects.requireNonNull(names, "names");
    if (!(durationS > 0) || !(intervalS > 0)) {
      throw new IllegalArgumentException("durationS and intervalS must be > 0");
    }
    if (!(spanSampling >= 0 && spanSampling <= 1)) {
      throw new IllegalArgumentException("spanSampling must be in [0, 1], got " + spanSampling);
    }
  }
}
