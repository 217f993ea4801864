package dev.trimtab.rca.data;

import java.util.List;

/**
 * Labelled windows from one place: a dataset folder (one application on one day, as published) or a
 * set of simulated scenarios. Training balances sources; held-out evaluation keeps a source's
 * windows together and never holds out a simulated one.
 *
 * @param name the folder's name or the scenarios' description: names the source in reports
 * @param simulated whether the windows come from the simulator
 * @param windows the windows
 */
public record Source(String name, boolean simulated, List<LabelledWindow> windows) {
  public Source {
    windows = List.copyOf(windows);
  }
}
