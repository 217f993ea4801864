package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalPlanTest {

  @Test
  void wholeNumberOfIntervals() {
    IntervalPlan plan = new IntervalPlan(600_000, 1000);
    assertEquals(600, plan.count());
    assertEquals(1000, plan.stepMs(599), 0.0);
  }

  @Test
  void aShorterLastIntervalCoversTheRest() {
    IntervalPlan plan = new IntervalPlan(1500, 1000);
    assertEquals(2, plan.count());
    assertEquals(1000, plan.stepMs(0), 0.0);
    assertEquals(500, plan.stepMs(1), 0.0);
  }

  @Test
  void floatingPointNoiseDoesNotAddAnInterval() {
    IntervalPlan plan = new IntervalPlan(0.3 * 1000, 0.1 * 1000);
    assertEquals(3, plan.count());
  }

  @Test
  void stepsOutsideThePlanAreRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> new IntervalPlan(2000, 1000).stepMs(2));
  }
}
