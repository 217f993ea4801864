package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds a workload tree (from a file or a one-line spec) into a validated record, every number
 * inside its documented range, and checks that the simulated peak rate stays within {@link
 * Limits#MAX_RATE_PER_S}.
 */
final class WorkloadBinder {
  static final List<String> KINDS = List.of("poisson", "diurnal", "mmpp", "flash-crowd", "trace");
  static final List<String> COMMON =
      List.of(
          "rateScale", "targetMeanRatePerS", "startOffsetS", "timeCompression", "durationS", "mix");

  /** Most endpoints in a request mix. */
  static final int MAX_MIX_ENTRIES = 10_000;

  /** Most states of an MMPP. */
  static final int MAX_MMPP_STATES = 100;

  static final Range RATE_SCALE = Range.above(0, 1_000_000, "a factor");
  static final Range TIME_COMPRESSION = Range.closed(0.001, 100_000, "a factor");
  static final Range PERIOD_S = Range.closed(1, Limits.MAX_SECONDS, "a number of seconds");
  static final Range SOJOURN_S = Range.closed(0.001, Limits.MAX_SECONDS, "a number of seconds");
  static final Range SMOOTHING_S = Range.integers(1, 86_400, "a whole number of seconds");

  private static final java.util.Map<String, String> PEAK_FIELDS =
      java.util.Map.of(
          "poisson", "ratePerS",
          "diurnal", "maxRatePerS",
          "mmpp", "ratesPerS",
          "flash-crowd", "peakMultiple",
          "trace", "file");
  private static final List<String> POISSON = List.of("ratePerS");
  private static final List<String> DIURNAL =
      List.of("minRatePerS", "maxRatePerS", "periodS", "phaseS");
  private static final List<String> MMPP = List.of("ratesPerS", "meanSojournS");
  private static final List<String> FLASH_CROWD =
      List.of("baseRatePerS", "peakMultiple", "startS", "rampS", "holdS", "decayS");
  private static final List<String> TRACE =
      List.of(
          "file",
          "format",
          "loop",
          "smoothingS",
          "timestampColumn",
          "promptTokensColumn",
          "outputTokensColumn");

  private WorkloadBinder() {}

  static WorkloadSpec bind(YamlField top, Path baseDir) {
    if (!top.isMap()) {
      throw top.expected(
          "a map with a field kind (one of "
              + String.join(", ", KINDS)
              + ") and a section of that name");
    }
    String kind = top.required("kind").choice(KINDS);
    List<String> known = new ArrayList<>(List.of("kind", kind));
    known.addAll(COMMON);
    top.requireMap(known);
    if (top.has("rateScale") && top.has("targetMeanRatePerS")) {
      throw top.required("targetMeanRatePerS")
          .error("give either rateScale or targetMeanRatePerS, not both");
    }
    WorkloadOptions options = options(top);
    YamlField section = top.required(kind);
    WorkloadSpec spec;
    try {
      spec = shape(kind, section, options, baseDir);
    } catch (IllegalArgumentException e) {
      throw section.error(e.getMessage());
    }
    if (top.has("targetMeanRatePerS")) {
      YamlField target = top.required("targetMeanRatePerS");
      double rate = target.number(Limits.RATE_PER_S);
      if (!(spec.windowPatternRatePerS() > 0)) {
        throw target.error("the replayed window has no arrivals to scale");
      }
      spec = spec.scaledToMeanRate(rate);
    }
    checkPeak(top, kind, spec);
    return spec;
  }

  private static WorkloadOptions options(YamlField top) {
    return new WorkloadOptions(
        top.optionalNumber("rateScale", 1, RATE_SCALE),
        Double.NaN,
        top.optionalNumber("startOffsetS", 0, Limits.START_S),
        top.optionalNumber("timeCompression", 1, TIME_COMPRESSION),
        top.optionalNumber("durationS", Double.POSITIVE_INFINITY, Limits.DURATION_S),
        top.has("mix")
            ? top.required("mix").weights(Limits.WEIGHT, MAX_MIX_ENTRIES)
            : java.util.Map.of());
  }

  private static WorkloadSpec shape(String kind, YamlField f, WorkloadOptions o, Path baseDir) {
    return switch (kind) {
      case "poisson" -> {
        f.requireMap(POISSON);
        yield new PoissonWorkload(f.required("ratePerS").number(Limits.RATE_PER_S), o);
      }
      case "diurnal" -> diurnal(f, o);
      case "mmpp" -> mmpp(f, o);
      case "flash-crowd" -> flashCrowd(f, o);
      case "trace" -> trace(f, o, baseDir);
      default -> throw new IllegalStateException(kind);
    };
  }

  private static WorkloadSpec diurnal(YamlField f, WorkloadOptions o) {
    f.requireMap(DIURNAL);
    double min = f.required("minRatePerS").number(Limits.RATE_OR_ZERO_PER_S);
    YamlField maxField = f.required("maxRatePerS");
    double max = maxField.number(Limits.RATE_PER_S);
    if (max < min) {
      throw maxField.error(
          "expected a rate >= minRatePerS (" + Range.format(min) + "); got " + Range.format(max));
    }
    return new DiurnalWorkload(
        min,
        max,
        f.optionalNumber("periodS", 86_400, PERIOD_S),
        f.optionalNumber("phaseS", 0, Limits.START_S),
        o);
  }

  private static WorkloadSpec mmpp(YamlField f, WorkloadOptions o) {
    f.requireMap(MMPP);
    YamlField ratesField = f.required("ratesPerS");
    double[] rates = ratesField.numbers(2, MAX_MMPP_STATES, Limits.RATE_OR_ZERO_PER_S);
    YamlField sojournField = f.required("meanSojournS");
    double[] sojourns = sojournField.numbers(1, MAX_MMPP_STATES, SOJOURN_S);
    if (sojourns.length != rates.length) {
      throw sojournField.error(
          "expected one entry per state (" + rates.length + "); got " + sojourns.length);
    }
    if (Arrays.stream(rates).allMatch(r -> r == 0)) {
      throw ratesField.error("expected at least one rate > 0; got all 0");
    }
    return new MmppWorkload(
        Arrays.stream(rates).boxed().toList(), Arrays.stream(sojourns).boxed().toList(), o);
  }

  private static WorkloadSpec flashCrowd(YamlField f, WorkloadOptions o) {
    f.requireMap(FLASH_CROWD);
    return new FlashCrowdWorkload(
        f.required("baseRatePerS").number(Limits.RATE_PER_S),
        f.required("peakMultiple").number(Limits.FACTOR),
        f.required("startS").number(Limits.START_S),
        f.optionalNumber("rampS", 0, Limits.SPAN_S),
        f.required("holdS").number(Limits.SPAN_S),
        f.optionalNumber("decayS", 0, Limits.SPAN_S),
        o);
  }

  private static WorkloadSpec trace(YamlField f, WorkloadOptions o, Path baseDir) {
    f.requireMap(TRACE);
    YamlField fileField = f.required("file");
    String name =
        fileField.text("a bundled trace's name or the path of an rps or csv trace (plain or gzip)");
    Path file = BundledTraces.file(name).orElse(null);
    if (file == null) {
      try {
        file = baseDir.resolve(name).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw fileField.error("expected a file path; got an invalid one (" + e.getReason() + ")");
      }
      if (!Files.isRegularFile(file)) {
        throw fileField.error(
            "no such file: "
                + file.toAbsolutePath()
                + "; nor a bundled trace ("
                + String.join(", ", BundledTraces.names())
                + ")");
      }
    }
    String guessed = TraceFormat.guess(file.getFileName().toString()).fileName();
    TraceFormat format =
        TraceFormat.valueOf(
            f.optionalChoice("format", TraceFormat.fileNames(), guessed).toUpperCase());
    CsvColumns columns = format == TraceFormat.CSV ? columns(f, file) : CsvColumns.AZURE;
    int smoothingS = f.optionalInteger("smoothingS", 1, SMOOTHING_S);
    if (smoothingS > 1 && format != TraceFormat.RPS) {
      throw f.required("smoothingS")
          .error("applies to rps traces only; csv traces replay each row");
    }
    boolean loop = f.optionalBool("loop", false);
    try {
      return TraceWorkload.of(file, format, loop, smoothingS, columns, o);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(f.source(), "startOffsetS", e.getMessage());
    }
  }

  /** Token columns default to the Azure names when the header has them, else to none. */
  private static CsvColumns columns(YamlField f, Path file) {
    String time = f.optionalText("timestampColumn", CsvColumns.AZURE.timestamp(), "a column name");
    List<String> header;
    try (CsvTraceReader reader = new CsvTraceReader(file, new CsvColumns(time, null, null))) {
      header = reader.header();
    }
    String prompt = CsvColumns.AZURE.promptTokens();
    String output = CsvColumns.AZURE.outputTokens();
    return new CsvColumns(
        time,
        f.optionalText(
            "promptTokensColumn", header.contains(prompt) ? prompt : null, "a column name"),
        f.optionalText(
            "outputTokensColumn", header.contains(output) ? output : null, "a column name"));
  }

  /**
   * Refuses a workload whose simulated peak rate (the pattern's peak, times rateScale and
   * timeCompression) exceeds {@link Limits#MAX_RATE_PER_S}: such a run would never end.
   */
  private static void checkPeak(YamlField top, String kind, WorkloadSpec spec) {
    WorkloadOptions o = spec.options();
    double patternPeak = patternPeak(spec);
    double peak = patternPeak * o.rateScale() * o.timeCompression();
    if (peak <= Limits.MAX_RATE_PER_S) {
      return;
    }
    String field;
    if (top.has("targetMeanRatePerS")) {
      field = "targetMeanRatePerS";
    } else if (top.has("rateScale")) {
      field = "rateScale";
    } else if (top.has("timeCompression")) {
      field = "timeCompression";
    } else {
      field = kind + "." + PEAK_FIELDS.get(kind);
    }
    throw new ConfigException(
        top.source(),
        field,
        "expected a simulated peak rate of at most "
            + Range.format(Limits.MAX_RATE_PER_S)
            + " req/s; got "
            + Range.format(peak)
            + " req/s (the pattern's peak "
            + Range.format(patternPeak)
            + " req/s x rateScale "
            + Range.format(o.rateScale())
            + " x timeCompression "
            + Range.format(o.timeCompression())
            + ")");
  }

  /** The highest rate a workload's pattern reaches, in requests per pattern second. */
  private static double patternPeak(WorkloadSpec spec) {
    if (spec instanceof PoissonWorkload p) {
      return p.ratePerS();
    } else if (spec instanceof DiurnalWorkload d) {
      return d.maxRatePerS();
    } else if (spec instanceof MmppWorkload m) {
      return m.ratesPerS().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    } else if (spec instanceof FlashCrowdWorkload c) {
      return c.baseRatePerS() * Math.max(1, c.peakMultiple());
    } else if (spec instanceof TraceWorkload t) {
      return t.stats().peakSecondArrivals();
    }
    return spec.windowPatternRatePerS();
  }
}
