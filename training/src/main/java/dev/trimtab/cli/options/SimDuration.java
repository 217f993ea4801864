package dev.trimtab.cli.options;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive span of simulated time as written on the command line: a number followed by {@code
 * ms}, {@code s}, {@code m} or {@code h}, e.g. {@code 600s}, {@code 10m}, {@code 1500ms}, {@code
 * 0.5s}. A bare number is refused, because a unit guessed wrong is off by a factor of 1000.
 *
 * @param millis the span in milliseconds, finite and greater than zero
 * @param text the span as the user wrote it, kept for the run's config.json
 */
public record SimDuration(double millis, String text) {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  public SimDuration {
    if (!(millis > 0) || !Double.isFinite(millis)) {
      throw new IllegalArgumentException("millis must be finite and > 0, got " + millis);
    }
  }

  /**
   * Parses {@code text}, or throws {@link IllegalArgumentException} with a message that shows the
   * accepted form.
   */
  public static SimDuration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration; write a number and a unit: ms, s, m or h (e.g. 600s,"
              + " 10m, 1500ms)");
    }
    double value = Double.parseDouble(m.group(1));
    double millis = value * unitMillis(m.group(2));
    if (!(millis > 0) || !Double.isFinite(millis)) {
      throw new IllegalArgumentException("'" + text + "' must be longer than zero");
    }
    return new SimDuration(millis, text.trim());
  }

  private static double unitMillis(String unit) {
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> throw new IllegalStateException("unit " + unit);
    };
  }

  public double seconds() {
    return millis / 1000;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Lets picocli turn an option value into a {@link SimDuration}. */
  public static final class Converter implements ITypeConverter<SimDuration> {
    @Override
    public SimDuration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
