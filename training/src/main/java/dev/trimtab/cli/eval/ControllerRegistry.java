package dev.trimtab.cli.eval;

import dev.trimtab.cli.control.ControllerChoice;
import dev.trimtab.env.control.Controller;
import java.util.Arrays;
import java.util.List;

/**
 * Where {@code eval} gets controllers by name: the one seam to switch when the agents module's
 * baselines registry ({@code dev.trimtab.agents.baselines.Baselines}) lands; until then the CLI's
 * own {@link ControllerChoice}.
 */
public interface ControllerRegistry {

  /** Names it knows, in the order to list them. */
  List<String> names();

  /** A fresh controller (controllers keep state, so each run gets its own). */
  Controller create(String name);

  /** The controllers the CLI ships. */
  static ControllerRegistry cli() {
    return new ControllerRegistry() {
      @Override
      public List<String> names() {
        return Arrays.stream(ControllerChoice.values()).map(ControllerChoice::cliName).toList();
      }

      @Override
      public Controller create(String name) {
        return new ControllerChoice.Converter().convert(name).create();
      }
    };
  }
}
