package dev.trimtab.env.power;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measured GPU DVFS grid: for each workload, average power (W) and performance relative to the
 * highest frequency, at each SM frequency. Read from the two CSVs of
 * zyjopensource/GPU-DVFS-Dataset: a header {@code frequency(MHz),757,...,1530}, then one row per
 * workload, {@code name,v1,...,vn}.
 */
public final class GpuDvfsData {
  private final double[] freqsMHz;
  private final List<String> workloads;
  private final double[][] powerW;
  private final double[][] relativePerformance;

  private GpuDvfsData(
      double[] freqsMHz, List<String> workloads, double[][] powerW, double[][] perf) {
    this.freqsMHz = freqsMHz;
    this.workloads = List.copyOf(workloads);
    this.powerW = powerW;
    this.relativePerformance = perf;
  }

  /**
   * Reads the power and performance CSVs; both must have the same frequency header and the same
   * workloads in the same order.
   *
   * @throws ConfigException naming the file, line and field when either file is wrong
   */
  public static GpuDvfsData read(Path powerCsv, Path performanceCsv) {
    Grid power = Grid.read(powerCsv);
    Grid perf = Grid.read(performanceCsv);
    if (!Arrays.equals(power.freqsMHz, perf.freqsMHz)) {
      throw new ConfigException(
          performanceCsv.toString(),
          "line 1",
          "frequencies "
              + Arrays.toString(perf.freqsMHz)
              + " differ from "
              + powerCsv
              + "'s "
              + Arrays.toString(power.freqsMHz));
    }
    if (!power.names.equals(perf.names)) {
      throw new ConfigException(
          performanceCsv.toString(),
          "workload names",
          "must list the same workloads in the same order as " + powerCsv + ": " + power.names);
    }
    return new GpuDvfsData(
        power.freqsMHz,
        power.names,
        power.values.toArray(double[][]::new),
        perf.values.toArray(double[][]::new));
  }

  /** The measured SM frequencies, ascending, in MHz (a copy). */
  public double[] freqsMHz() {
    return freqsMHz.clone();
  }

  /** Workload names in file order. */
  public List<String> workloads() {
    return workloads;
  }

  /** Measured average power of workload {@code w} at frequency index {@code i}. */
  public double powerW(int w, int i) {
    return powerW[w][i];
  }

  /** Measured performance of workload {@code w} at frequency index {@code i}, 1 at the highest. */
  public double relativePerformance(int w, int i) {
    return relativePerformance[w][i];
  }

  private record Grid(double[] freqsMHz, List<String> names, List<double[]> values) {
    static Grid read(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(file.toString(), "", "cannot read file: " + e.getMessage());
      }
      if (lines.isEmpty()) {
        throw new ConfigException(
            file.toString(),
            "line 1",
            "empty file; expected a header "
                + "'frequency(MHz),<MHz>,...' and one row per workload");
      }
      double[] freqs = numbers(file, 1, lines.get(0).split(",", -1), -1, "frequency header");
      for (int i = 0; i < freqs.length; i++) {
        if (!(freqs[i] > 0) || (i > 0 && freqs[i] <= freqs[i - 1])) {
          throw new ConfigException(
              file.toString(),
              "line 1, column " + (i + 2),
              "frequencies must be positive and strictly ascending, got " + freqs[i]);
        }
      }
      List<String> names = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      for (int n = 1; n < lines.size(); n++) {
        if (lines.get(n).isBlank()) {
          continue;
        }
        String[] cells = lines.get(n).split(",", -1);
        names.add(cells[0].trim());
        values.add(numbers(file, n + 1, cells, freqs.length, "workload " + cells[0].trim()));
      }
      if (names.isEmpty()) {
        throw new ConfigException(file.toString(), "line 2", "no workload rows");
      }
      return new Grid(freqs, names, values);
    }

    private static double[] numbers(
        Path file, int line, String[] cells, int expected, String what) {
      if (cells.length < 2 || (expected >= 0 && cells.length - 1 != expected)) {
        throw new ConfigException(
            file.toString(),
            "line " + line,
            what
                + ": expected a name then "
                + (expected >= 0 ? expected : "at least 1")
                + " numbers, got "
                + (cells.length - 1)
                + " cells");
      }
      double[] out = new double[cells.length - 1];
      for (int i = 1; i < cells.length; i++) {
        try {
          out[i - 1] = Double.parseDouble(cells[i].trim());
        } catch (NumberFormatException e) {
          throw new ConfigException(
              file.toString(),
              "line " + line + ", column " + (i + 1),
              what + ": '" + cells[i] + "' is not a number");
        }
        if (!Double.isFinite(out[i - 1]) || out[i - 1] <= 0) {
          throw new ConfigException(
              file.toString(),
              "line " + line + ", column " + (i + 1),
              what + ": values must be finite and > 0, got " + cells[i].trim());
        }
      }
      return out;
    }
  }
}
