/**
 * Running a problem and scoring it: a {@link dev.trimtab.faults.score.ProblemRunner} plays one
 * problem with one controller and one seed, feeding each interval to a {@link
 * dev.trimtab.faults.score.Detector} and a {@link dev.trimtab.faults.score.Localizer} (the
 * contestants of detection and localization tasks), and {@link dev.trimtab.faults.score.Scorers}
 * turn the recorded intervals and the ground truth into detection, localization and mitigation
 * scores ({@code docs/eval.md} defines each exactly).
 */
package dev.trimtab.faults.score;
