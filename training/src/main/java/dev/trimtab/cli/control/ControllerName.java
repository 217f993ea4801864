package dev.trimtab.cli.control;

import dev.trimtab.agents.baselines.Baselines;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a {@code --controller} value against the baselines of the agents module ({@link
 * Baselines#names()}); an unknown name fails with the list of known ones.
 */
public final class ControllerName implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (!Baselines.names().contains(value)) {
      throw new TypeConversionException(
          "unknown controller '" + value + "'; known: " + String.join(", ", Baselines.names()));
    }
    return value;
  }
}
