package dev.trimtab.faults.score;

/**
 * How the detector did on one run.
 *
 * @param faulted whether the campaign injected any fault
 * @param correct faulted and the first alarm came after the first fault started, or not faulted and
 *     no alarm at all
 * @param timeToDetectS first alarm's interval end minus the first fault's start, in seconds; NaN
 *     when not correctly detected or nothing to detect
 * @param firstAlarmS end of the interval of the first alarm; NaN without an alarm
 */
public record DetectionScore(
    boolean faulted, boolean correct, double timeToDetectS, double firstAlarmS) {}
