package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.Controller;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The baseline controllers by the names users type ({@code --controller hpa}), each with its real
 * counterpart's defaults. The set is closed: learned policies are loaded elsewhere, not added here.
 */
public final class Baselines {
  private static final Map<String, Supplier<Controller>> FACTORIES =
      Map.of(
          StaticController.NAME, StaticController::new,
          HpaController.NAME, HpaController::new,
          VpaController.NAME, VpaController::new,
          AimdController.NAME, AimdController::new);

  private static final List<String> NAMES =
      List.of(StaticController.NAME, HpaController.NAME, VpaController.NAME, AimdController.NAME);

  private Baselines() {}

  /** The known names, in a fixed order: static, hpa, vpa, aimd. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * A fresh controller with default settings; each call returns a new instance with its own state.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Controller create(String name) {
    Supplier<Controller> factory = name == null ? null : FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown controller '" + name + "'; known: " + String.join(", ", NAMES));
    }
    return factory.get();
  }
}
