package dev.trimtab.cli.budget;

import dev.trimtab.env.config.Limits;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documented limits on a run and the check of an estimate against them and against the machine.
 * Every refusal is one sentence that quotes the value that is too large, as the user wrote it, and
 * says what is allowed.
 *
 * <ul>
 *   <li>simulated time: at most {@value #MAX_DURATION_DAYS} days a run;
 *   <li>control interval: at least 1 ms, and at most {@code 1e8} intervals a run;
 *   <li>simulator events: at most {@code 1e12} (about a day of computing on one core) a run, and as
 *       many for all the runs of an evaluation;
 *   <li>calls completed in one interval: at most 2^30 (a Java array's limit);
 *   <li>memory: the estimate must fit in {@value #HEAP_SHARE_PERCENT}% of the heap this JVM may
 *       still take ({@code TRIMTAB_JAVA_OPTS=-Xmx...} raises it);
 *   <li>disk: the bytes written must fit in {@value #DISK_SHARE_PERCENT}% of the output folder's
 *       free space.
 * </ul>
 */
public final class WorkLimits {
  public static final int MAX_DURATION_DAYS = Limits.MAX_RUN_DAYS;
  public static final double MAX_DURATION_S = Limits.MAX_RUN_S;
  public static final double MIN_INTERVAL_S = Limits.MIN_INTERVAL_S;
  public static final double MAX_INTERVALS = Limits.MAX_INTERVALS;
  public static final double MAX_EVENTS = 1e12;
  public static final int HEAP_SHARE_PERCENT = 75;
  public static final int DISK_SHARE_PERCENT = 90;

  private WorkLimits() {}

  /**
   * The limits that need no estimate: duration and interval. Cheap, so it runs first: a duration of
   * a million years is refused before its workload is even looked at.
   */
  public static Optional<String> checkTime(
      RunShape.Names names, double durationS, double intervalS) {
    return timeProblem(names, durationS, intervalS).map(m -> in(names, m));
  }

  /** {@code message} after where the values were written, if anywhere. */
  private static String in(RunShape.Names names, String message) {
    return names.where().isEmpty() ? message : names.where() + ": " + message;
  }

  private static Optional<String> timeProblem(
      RunShape.Names names, double durationS, double intervalS) {
    if (durationS > MAX_DURATION_S) {
      return Optional.of(
          names.duration()
              + " is too long: a run may simulate at most "
              + MAX_DURATION_DAYS
              + " days ("
              + Amounts.count(MAX_DURATION_S)
              + " s)");
    }
    if (intervalS < MIN_INTERVAL_S - 1e-12) {
      return Optional.of(names.interval() + " is too short: the control interval is at least 1 ms");
    }
    double intervals = Math.ceil(durationS / intervalS - 1e-9);
    if (intervals > MAX_INTERVALS) {
      return Optional.of(
          names.interval()
              + " over "
              + names.duration()
              + " makes "
              + Amounts.count(intervals)
              + " control intervals; at most "
              + Amounts.count(MAX_INTERVALS)
              + ": a longer interval or a shorter duration");
    }
    return Optional.empty();
  }

  /** Checks one run that writes its files to {@code resources.outFolder()}. */
  public static Optional<String> check(RunShape run, Resources resources) {
    return check(run, 1, resources);
  }

  /**
   * Checks {@code repeats} runs of {@code run}, one after the other (a benchmark's repeats): their
   * events add up, their memory does not. {@code run.names().duration()} should say how many.
   */
  public static Optional<String> check(RunShape run, int repeats, Resources resources) {
    Optional<String> time = checkTime(run.names(), run.durationS(), run.intervalS());
    if (time.isPresent()) {
      return time;
    }
    WorkEstimate e = WorkEstimate.of(run);
    return firstOf(
            events(run.names(), e, repeats),
            interval(run.names(), e),
            memory(run.names(), e, e.memory().total(), resources),
            disk(run.names(), e, resources))
        .map(m -> in(run.names(), m));
  }

  /**
   * Checks an evaluation: each of {@code problems} runs {@code runsEach} times, {@code threads} at
   * once, and every run's samples are kept until the end.
   */
  public static Optional<String> checkAll(
      List<RunShape> problems, int runsEach, int threads, Resources resources) {
    double events = 0;
    double kept = 0;
    double heaviest = 0;
    RunShape.Names heaviestNames = null;
    WorkEstimate heaviestEstimate = null;
    for (RunShape run : problems) {
      Optional<String> time = checkTime(run.names(), run.durationS(), run.intervalS());
      if (time.isPresent()) {
        return time;
      }
      WorkEstimate e = WorkEstimate.of(run);
      Optional<String> one = firstOf(events(run.names(), e, 1), interval(run.names(), e));
      if (one.isPresent()) {
        return one.map(m -> in(run.names(), m));
      }
      events += e.events() * runsEach;
      kept += e.memory().keptPerInterval() * runsEach;
      if (e.memory().workingSet() >= heaviest) {
        heaviest = e.memory().workingSet();
        heaviestNames = run.names();
        heaviestEstimate = e;
      }
    }
    if (events > MAX_EVENTS) {
      return Optional.of(
          "the evaluation implies about "
              + Amounts.about(events)
              + " simulator events over "
              + Amounts.count((double) problems.size() * runsEach)
              + " runs; at most "
              + Amounts.count(MAX_EVENTS)
              + " (about a day of computing): fewer seeds, controllers or problems");
    }
    if (heaviestEstimate == null) {
      return Optional.empty();
    }
    int atOnce = Math.max(1, Math.min(threads, problems.size() * runsEach));
    double total = heaviest * atOnce + kept;
    RunShape.Names names = heaviestNames;
    return memory(names, heaviestEstimate, total, resources)
        .map(m -> in(names, m))
        .map(m -> m + (atOnce > 1 ? " (" + atOnce + " runs at once; fewer with --threads)" : ""));
  }

  @SafeVarargs
  private static Optional<String> firstOf(Optional<String>... checks) {
    for (Optional<String> c : checks) {
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> events(RunShape.Names names, WorkEstimate e, int repeats) {
    if (!(e.events() * repeats > MAX_EVENTS)) {
      return Optional.empty();
    }
    return Optional.of(
        names.workload()
            + " over "
            + names.duration()
            + " implies about "
            + Amounts.about(e.events() * repeats)
            + " simulator events ("
            + Amounts.about(e.requests() * repeats)
            + " requests of "
            + String.format(Locale.ROOT, "%.1f", e.callsPerRequest())
            + " calls); at most "
            + Amounts.count(MAX_EVENTS)
            + " (about a day of computing): a lower rate or a shorter duration");
  }

  private static Optional<String> interval(RunShape.Names names, WorkEstimate e) {
    double samples = e.peakCallsPerInterval();
    if (!(samples > WorkEstimate.MAX_SAMPLES_PER_BUFFER)) {
      return Optional.empty();
    }
    return Optional.of(
        names.workload()
            + " with "
            + names.interval()
            + " completes about "
            + Amounts.about(samples)
            + " calls in one interval; at most "
            + Amounts.count(WorkEstimate.MAX_SAMPLES_PER_BUFFER)
            + ": a lower rate or a shorter interval");
  }

  private static Optional<String> memory(
      RunShape.Names names, WorkEstimate e, double total, Resources r) {
    double allowed = r.freeHeapBytes() * HEAP_SHARE_PERCENT / 100.0;
    if (!(total > allowed)) {
      return Optional.empty();
    }
    WorkEstimate.Memory m = e.memory();
    String cause;
    String fix;
    double biggest =
        Math.max(
            Math.max(m.callsInFlight(), m.intervalLatencies()),
            Math.max(Math.max(m.replicas(), m.keptPerInterval()), m.spanBuffer()));
    if (biggest == m.callsInFlight()) {
      cause =
          names.workload()
              + " (up to "
              + Amounts.about(e.peakRatePerS())
              + " requests/s) holds about "
              + Amounts.about(m.callsInFlight() / WorkEstimate.BYTES_PER_CALL_IN_FLIGHT)
              + " calls in flight";
      fix = "a lower rate";
    } else if (biggest == m.intervalLatencies()) {
      cause =
          names.workload()
              + " with "
              + names.interval()
              + " keeps about "
              + Amounts.about(e.peakCallsPerInterval())
              + " latencies an interval";
      fix = "a lower rate or a shorter interval";
    } else if (biggest == m.replicas()) {
      cause =
          names.topology()
              + " asks for "
              + Amounts.count(m.replicas() / WorkEstimate.BYTES_PER_REPLICA)
              + " replicas";
      fix = "fewer replicas";
    } else if (biggest == m.keptPerInterval()) {
      cause =
          names.interval()
              + " over "
              + names.duration()
              + " keeps a record of "
              + Amounts.count(e.intervals())
              + " intervals";
      fix = "a longer interval or a shorter duration";
    } else {
      cause = names.sampling() + " buffers the spans of one interval";
      fix = "a lower sampling rate or a shorter interval";
    }
    double xmxGiB =
        Math.ceil((total * 100.0 / HEAP_SHARE_PERCENT + r.usedHeapBytes()) / (1L << 30));
    return Optional.of(
        cause
            + ": about "
            + Amounts.bytes(total)
            + " of memory in all, and this JVM may use "
            + Amounts.bytes(allowed)
            + " for it: "
            + fix
            + ", or a bigger heap ("
            + (xmxGiB <= 1L << 20
                ? "TRIMTAB_JAVA_OPTS=-Xmx" + (long) xmxGiB + "g"
                : "more than any machine has")
            + ")");
  }

  private static Optional<String> disk(RunShape.Names names, WorkEstimate e, Resources r) {
    WorkEstimate.Disk d = e.disk();
    double allowed = r.freeDiskBytes() * (DISK_SHARE_PERCENT / 100.0);
    if (!(d.total() > allowed)) {
      return Optional.empty();
    }
    String what =
        d.spans() > d.metricsCsv() + d.endpointsCsv()
            ? names.sampling()
                + " over "
                + names.duration()
                + " writes about "
                + Amounts.bytes(d.spans())
                + " of spans"
            : names.interval()
                + " over "
                + names.duration()
                + " writes about "
                + Amounts.bytes(d.metricsCsv() + d.endpointsCsv())
                + " of metrics ("
                + Amounts.count(e.intervals())
                + " intervals)";
    String fix =
        d.spans() > d.metricsCsv() + d.endpointsCsv()
            ? "a lower sampling rate or a shorter duration"
            : "a longer interval or a shorter duration";
    return Optional.of(
        what
            + "; "
            + (r.outFolder() == null ? "the output folder" : r.outFolder().toString())
            + " has "
            + Amounts.bytes(r.freeDiskBytes())
            + " free: "
            + fix);
  }
}
