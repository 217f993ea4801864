package dev.trimtab.env.power;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.TextInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a carbon intensity series from a CSV, plain or gzip (detected from the content, not the
 * name).
 *
 * <p>The first line is a header; the time and value columns are picked by name ({@link Options},
 * defaults {@code Time} and {@code Carbon Intensity}, as in {@code gb-2020-ci.csv.gz}); other
 * columns are ignored. Times may be {@code yyyy-MM-dd HH:mm:ss} or ISO-8601 {@code
 * yyyy-MM-ddTHH:mm:ss} (both read as UTC), ISO-8601 with an offset ({@code ...Z}, {@code
 * ...+01:00}), or a number of Unix epoch seconds; they must strictly increase. Values are gCO2/kWh,
 * finite and >= 0. Cells are split on commas (no quoted commas); surrounding quotes and spaces are
 * dropped. A wrong file raises {@link ConfigException} naming the file, line and column.
 */
public final class CarbonCsv {
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CarbonCsv() {}

  /**
   * Which columns to read.
   *
   * @param timeColumn header name of the time column
   * @param valueColumn header name of the intensity column (gCO2/kWh)
   */
  public record Options(String timeColumn, String valueColumn) {
    /** The columns of the GB 2020 file: {@code Time} and {@code Carbon Intensity}. */
    public static final Options DEFAULT = new Options("Time", "Carbon Intensity");

    public Options {
      if (timeColumn == null
          || timeColumn.isBlank()
          || valueColumn == null
          || valueColumn.isBlank()) {
        throw new IllegalArgumentException("column names must not be blank");
      }
    }
  }

  /** Reads {@code csv}; see the class comment for the format. */
  public static CarbonIntensitySeries read(Path csv, Options options) {
    String source = csv.toString();
    try (BufferedReader reader = open(csv)) {
      String header = reader.readLine();
      if (header == null) {
        throw new ConfigException(
            source,
            "line 1",
            "empty file; expected a header with columns '"
                + options.timeColumn()
                + "' and '"
                + options.valueColumn()
                + "'");
      }
      List<String> names = Arrays.stream(header.split(",", -1)).map(CarbonCsv::clean).toList();
      int timeCol = column(source, names, options.timeColumn());
      int valueCol = column(source, names, options.valueColumn());
      return rows(source, reader, timeCol, valueCol, options);
    } catch (IOException e) {
      throw TextInput.cannotRead(source, e);
    }
  }

  private static CarbonIntensitySeries rows(
      String source, BufferedReader reader, int timeCol, int valueCol, Options options)
      throws IOException {
    double[] times = new double[1024];
    double[] values = new double[1024];
    int n = 0;
    int lineNo = 1;
    long first = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length <= Math.max(timeCol, valueCol)) {
        throw new ConfigException(
            source,
            "line " + lineNo,
            "has "
                + cells.length
                + " cells, the header has more; every row needs '"
                + options.timeColumn()
                + "' and '"
                + options.valueColumn()
                + "'");
      }
      long epochS = epochSeconds(source, lineNo, options.timeColumn(), clean(cells[timeCol]));
      double value = value(source, lineNo, options.valueColumn(), clean(cells[valueCol]));
      if (n == 0) {
        first = epochS;
      } else if (epochS - first <= times[n - 1]) {
        throw new ConfigException(
            source,
            "line " + lineNo + ", column '" + options.timeColumn() + "'",
            "times must strictly increase; '"
                + clean(cells[timeCol])
                + "' is not after the previous row");
      }
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      times[n] = epochS - first;
      values[n++] = value;
    }
    if (n == 0) {
      throw new ConfigException(source, "line 2", "no data rows; at least one is needed");
    }
    return CarbonIntensitySeries.of(first, Arrays.copyOf(times, n), Arrays.copyOf(values, n));
  }

  /** Opens the file through {@link TextInput}: gzip decompressed, binary files refused. */
  private static BufferedReader open(Path csv) {
    InputStream data =
        TextInput.open(csv, csv.toString(), true, "a carbon-intensity CSV (plain or gzip)");
    return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8));
  }

  private static int column(String source, List<String> names, String wanted) {
    int i = names.indexOf(wanted);
    if (i < 0) {
      throw new ConfigException(
          source,
          "line 1",
          "no column '"
              + wanted
              + "'; columns are "
              + names
              + " (pick others with the time and value column options)");
    }
    return i;
  }

  private static long epochSeconds(String source, int line, String column, String cell) {
    try {
      return parseTime(cell);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          source, "line " + line + ", column '" + column + "'", e.getMessage());
    }
  }

  /**
   * A time as this format writes it, in Unix epoch seconds: {@code yyyy-MM-dd HH:mm:ss} or ISO-8601
   * {@code yyyy-MM-ddTHH:mm:ss} (both UTC), ISO-8601 with an offset ({@code ...Z}, {@code
   * ...+01:00}), or whole epoch seconds.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static long parseTime(String text) {
    String cell = text.strip();
    try {
      if (cell.indexOf('-') > 0) {
        if (cell.endsWith("Z") || cell.lastIndexOf('+') > 0 || cell.lastIndexOf('-') > 10) {
          return OffsetDateTime.parse(cell.replace(' ', 'T')).toEpochSecond();
        }
        LocalDateTime t =
            cell.indexOf('T') > 0 ? LocalDateTime.parse(cell) : LocalDateTime.parse(cell, SPACED);
        return t.toEpochSecond(ZoneOffset.UTC);
      }
      double s = Double.parseDouble(cell);
      if (Double.isFinite(s) && s == Math.rint(s) && Math.abs(s) < 1e15) {
        return (long) s;
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a time; allowed: 'yyyy-MM-dd HH:mm:ss' (UTC), ISO-8601 with or "
            + "without offset, or whole Unix epoch seconds");
  }

  private static double value(String source, int line, String column, String cell) {
    double v;
    try {
      v = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new ConfigException(
          source,
          "line " + line + ", column '" + column + "'",
          "'" + cell + "' is not an intensity; allowed: a finite number >= 0 (gCO2/kWh)");
    }
    return v;
  }

  private static String clean(String cell) {
    String s = cell.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }
}
