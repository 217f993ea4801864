package dev.trimtab.faults.score;

import java.util.List;

/**
 * How the localizer did on one run, against the first fault that hit services.
 *
 * @param truth the services that fault hit
 * @param answer the localizer's top three at the end of the interval in which the fault ended
 * @param top1 whether the first of {@code answer} is in {@code truth}
 * @param top3 whether any of {@code answer} is in {@code truth}
 * @param timeToLocalizeS end of the first interval after the fault's start whose top suspect was in
 *     {@code truth}, minus the fault's start; NaN if none was
 */
public record LocalizationScore(
    List<String> truth, List<String> answer, boolean top1, boolean top3, double timeToLocalizeS) {

  public LocalizationScore {
    truth = List.copyOf(truth);
    answer = List.copyOf(answer);
  }
}
