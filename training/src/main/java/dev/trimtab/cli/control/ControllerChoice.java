package dev.trimtab.cli.control;

import dev.trimtab.env.control.Controller;
import java.util.Arrays;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The controllers {@code --controller} accepts, by the name users type. */
public enum ControllerChoice {
  STATIC("static", StaticController::new);

  private final String cliName;
  private final Supplier<Controller> factory;

  ControllerChoice(String cliName, Supplier<Controller> factory) {
    this.cliName = cliName;
    this.factory = factory;
  }

  /** A fresh controller of this kind. */
  public Controller create() {
    return factory.get();
  }

  /** The name as typed on the command line and written to run files. */
  public String cliName() {
    return cliName;
  }

  @Override
  public String toString() {
    return cliName;
  }

  /** Turns a typed name into a choice; an unknown name fails with the list of known ones. */
  public static final class Converter implements ITypeConverter<ControllerChoice> {
    @Override
    public ControllerChoice convert(String value) {
      return Arrays.stream(values())
          .filter(c -> c.cliName.equals(value))
          .findFirst()
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown controller '"
                          + value
                          + "'; known: "
                          + String.join(
                              ", ", Arrays.stream(values()).map(c -> c.cliName).toList())));
    }
  }
}
