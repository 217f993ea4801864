package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.control.Controller;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  @Test
  void namesAreTheFourBaselinesInOrder() {
    assertEquals(List.of("static", "hpa", "vpa", "aimd"), Baselines.names());
  }

  @Test
  void createMakesAFreshControllerNamedAsAsked() {
    for (String name : Baselines.names()) {
      Controller a = Baselines.create(name);
      assertEquals(name, a.name());
      assertNotSame(a, Baselines.create(name));
    }
    assertInstanceOf(HpaController.class, Baselines.create("hpa"));
    assertEquals(HpaConfig.defaults(), ((HpaController) Baselines.create("hpa")).config());
    assertEquals(VpaConfig.defaults(), ((VpaController) Baselines.create("vpa")).config());
    assertEquals(AimdConfig.defaults(), ((AimdController) Baselines.create("aimd")).config());
  }

  @Test
  void anUnknownNameFailsWithTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Baselines.create("magic"));
    assertEquals("unknown controller 'magic'; known: static, hpa, vpa, aimd", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Baselines.create(null));
  }

  @Test
  void configsRejectWhatTheRealControllersReject() {
    assertThrows(IllegalArgumentException.class, () -> HpaConfig.defaults().withTarget(0));
    assertThrows(IllegalArgumentException.class, () -> HpaConfig.defaults().withReplicas(3, 2));
    assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.pods(0, 15_000));
    assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.percent(10, 1_800_001));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ScalingRules(0, ScalingRules.Select.MAX, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> VpaConfig.defaults().withRecommenderInterval(0));
    assertThrows(IllegalArgumentException.class, () -> new AimdConfig.Rule(0.5, 0, 1, 0.1, 0.1, 8));
    assertThrows(IllegalArgumentException.class, () -> new AimdConfig.Rule(2, 0, 1, 0.1, 1, 0.5));
  }
}
