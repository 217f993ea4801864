package dev.trimtab.env.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.workload.Fields.Range;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds a workload YAML tree (from a file or a one-line spec) into a validated record. */
final class WorkloadBinder {
  static final List<String> KINDS = List.of("poisson", "diurnal", "mmpp", "flash-crowd", "trace");
  static final List<String> COMMON =
      List.of(
          "rateScale", "targetMeanRatePerS", "startOffsetS", "timeCompression", "durationS", "mix");

  private WorkloadBinder() {}

  static WorkloadSpec bind(JsonNode root, String source, Path baseDir) {
    Fields top = new Fields(source, "", root);
    String kind = top.choice("kind", KINDS, null);
    if (kind == null) {
      throw top.error("kind", "required; allowed values: " + String.join(", ", KINDS));
    }
    Set<String> known = new LinkedHashSet<>(List.of("kind", kind));
    known.addAll(COMMON);
    top.allowOnly(known);
    if (top.has("rateScale") && top.has("targetMeanRatePerS")) {
      throw top.error(
          "targetMeanRatePerS", "give either rateScale or targetMeanRatePerS, not both");
    }
    WorkloadOptions options = options(top);
    Fields section = top.object(kind);
    WorkloadSpec spec;
    try {
      spec = shape(kind, section, options, baseDir);
    } catch (IllegalArgumentException e) {
      throw top.error(kind, e.getMessage());
    }
    if (top.has("targetMeanRatePerS")) {
      double target = top.number("targetMeanRatePerS", Range.POSITIVE);
      if (!(spec.windowPatternRatePerS() > 0)) {
        throw top.error("targetMeanRatePerS", "the replayed window has no arrivals to scale");
      }
      spec = spec.scaledToMeanRate(target);
    }
    return spec;
  }

  private static WorkloadOptions options(Fields top) {
    return new WorkloadOptions(
        top.number("rateScale", Range.POSITIVE, 1),
        Double.NaN,
        top.number("startOffsetS", Range.NON_NEGATIVE, 0),
        top.number("timeCompression", Range.POSITIVE, 1),
        top.number("durationS", Range.POSITIVE, Double.POSITIVE_INFINITY),
        top.weights("mix"));
  }

  private static WorkloadSpec shape(String kind, Fields f, WorkloadOptions o, Path baseDir) {
    return switch (kind) {
      case "poisson" -> {
        f.allowOnly(Set.of("ratePerS"));
        yield new PoissonWorkload(f.number("ratePerS", Range.POSITIVE), o);
      }
      case "diurnal" -> diurnal(f, o);
      case "mmpp" -> mmpp(f, o);
      case "flash-crowd" -> flashCrowd(f, o);
      case "trace" -> trace(f, o, baseDir);
      default -> throw new IllegalStateException(kind);
    };
  }

  private static WorkloadSpec diurnal(Fields f, WorkloadOptions o) {
    f.allowOnly(new LinkedHashSet<>(List.of("minRatePerS", "maxRatePerS", "periodS", "phaseS")));
    double min = f.number("minRatePerS", Range.NON_NEGATIVE);
    double max = f.number("maxRatePerS", Range.POSITIVE);
    if (max < min) {
      throw f.error("maxRatePerS", "must be >= minRatePerS (" + min + "), got " + max);
    }
    return new DiurnalWorkload(
        min,
        max,
        f.number("periodS", Range.POSITIVE, 86_400),
        f.number("phaseS", Range.NON_NEGATIVE, 0),
        o);
  }

  private static WorkloadSpec mmpp(Fields f, WorkloadOptions o) {
    f.allowOnly(new LinkedHashSet<>(List.of("ratesPerS", "meanSojournS")));
    double[] rates = f.numbers("ratesPerS", Range.NON_NEGATIVE);
    double[] sojourns = f.numbers("meanSojournS", Range.POSITIVE);
    if (rates.length < 2) {
      throw f.error("ratesPerS", "needs two or more states, got " + rates.length);
    }
    if (sojourns.length != rates.length) {
      throw f.error(
          "meanSojournS",
          "needs one entry per state (" + rates.length + "), got " + sojourns.length);
    }
    if (Arrays.stream(rates).allMatch(r -> r == 0)) {
      throw f.error("ratesPerS", "at least one rate must be > 0");
    }
    return new MmppWorkload(
        Arrays.stream(rates).boxed().toList(), Arrays.stream(sojourns).boxed().toList(), o);
  }

  private static WorkloadSpec flashCrowd(Fields f, WorkloadOptions o) {
    f.allowOnly(
        new LinkedHashSet<>(
            List.of("baseRatePerS", "peakMultiple", "startS", "rampS", "holdS", "decayS")));
    return new FlashCrowdWorkload(
        f.number("baseRatePerS", Range.POSITIVE),
        f.number("peakMultiple", Range.POSITIVE),
        f.number("startS", Range.NON_NEGATIVE),
        f.number("rampS", Range.NON_NEGATIVE, 0),
        f.number("holdS", Range.NON_NEGATIVE),
        f.number("decayS", Range.NON_NEGATIVE, 0),
        o);
  }

  private static WorkloadSpec trace(Fields f, WorkloadOptions o, Path baseDir) {
    f.allowOnly(
        new LinkedHashSet<>(
            List.of(
                "file",
                "format",
                "loop",
                "smoothingS",
                "timestampColumn",
                "promptTokensColumn",
                "outputTokensColumn")));
    String name = f.text("file", null);
    if (name == null) {
      throw f.error("file", "required; the path of an rps or csv trace (plain or gzip)");
    }
    Path file = baseDir.resolve(name).normalize();
    if (!Files.isRegularFile(file)) {
      throw f.error("file", "no such file: " + file.toAbsolutePath());
    }
    String guessed = TraceFormat.guess(name).fileName();
    TraceFormat format =
        TraceFormat.valueOf(f.choice("format", TraceFormat.fileNames(), guessed).toUpperCase());
    CsvColumns columns = format == TraceFormat.CSV ? columns(f, file) : CsvColumns.AZURE;
    try {
      int smoothingS = (int) f.number("smoothingS", Range.POSITIVE, 1);
      if (smoothingS != f.number("smoothingS", Range.POSITIVE, 1)) {
        throw f.error("smoothingS", "a whole number of seconds >= 1");
      }
      if (smoothingS > 1 && format != TraceFormat.RPS) {
        throw f.error("smoothingS", "applies to rps traces only; csv traces replay each row");
      }
      return TraceWorkload.of(file, format, f.bool("loop", false), smoothingS, columns, o);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(f.source(), "startOffsetS", e.getMessage());
    }
  }

  /** Token columns default to the Azure names when the header has them, else to none. */
  private static CsvColumns columns(Fields f, Path file) {
    String time = f.text("timestampColumn", CsvColumns.AZURE.timestamp());
    List<String> header;
    try (CsvTraceReader reader = new CsvTraceReader(file, new CsvColumns(time, null, null))) {
      header = reader.header();
    }
    String prompt = CsvColumns.AZURE.promptTokens();
    String output = CsvColumns.AZURE.outputTokens();
    return new CsvColumns(
        time,
        f.text("promptTokensColumn", header.contains(prompt) ? prompt : null),
        f.text("outputTokensColumn", header.contains(output) ? output : null));
  }
}
