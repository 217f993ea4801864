package dev.trimtab.cli.eval;

import dev.trimtab.agents.baselines.Baselines;
import dev.trimtab.env.control.Controller;
import java.util.List;

/**
 * Where {@code eval} gets controllers by name: the baselines of the agents module today; trained
 * policies join here when they can be loaded by name.
 */
public interface ControllerRegistry {

  /** Names it knows, in the order to list them. */
  List<String> names();

  /** A fresh controller (controllers keep state, so each run gets its own). */
  Controller create(String name);

  /** The controllers the CLI ships: {@link Baselines}. */
  static ControllerRegistry cli() {
    return new ControllerRegistry() {
      @Override
      public List<String> names() {
        return Baselines.names();
      }

      @Override
      public Controller create(String name) {
        return Baselines.create(name);
      }
    };
  }
}
