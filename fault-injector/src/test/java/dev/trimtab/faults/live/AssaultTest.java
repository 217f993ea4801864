package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AssaultTest {

  @Test
  void latencyBodyIsTheOneReferenceMdGivesForChaosMonkey330() {
    Map<String, Object> json = Assault.latency(1000).toJson();
    // shared/REFERENCE.md: {"level":1,"deterministic":true,"latencyActive":true,
    // "latencyRangeStart":800,"latencyRangeEnd":1200,"exceptionsActive":false,
    // "killApplicationActive":false,"memoryActive":false,"cpuActive":false}
    assertEquals(1, json.get("level"));
    assertEquals(true, json.get("deterministic"));
    assertEquals(true, json.get("latencyActive"));
    assertEquals(1000, json.get("latencyRangeStart"));
    assertEquals(1000, json.get("latencyRangeEnd"));
    for (String off :
        new String[] {"exceptionsActive", "killApplicationActive", "memoryActive", "cpuActive"}) {
      assertEquals(false, json.get(off), off);
    }
  }

  @Test
  void exceptionProbabilityBecomesTheNearestChaosMonkeyLevel() {
    assertEquals(1, Assault.exceptions(1).level());
    assertTrue(Assault.exceptions(1).deterministic(), "level 1 hits every call either way");
    assertEquals(4, Assault.exceptions(0.25).level());
    assertFalse(Assault.exceptions(0.25).deterministic(), "random, as a probability is");
    assertEquals(3, Assault.exceptions(0.3).level(), "1/0.3 = 3.33 rounds to 3");
    assertThrows(IllegalArgumentException.class, () -> Assault.exceptions(0));
  }

  @Test
  void mergingKeepsEveryActiveAssaultAndAddsLatencies() {
    Assault both = Assault.latency(100).merge(Assault.latency(50)).merge(Assault.exceptions(0.5));
    assertTrue(both.latencyActive());
    assertEquals(150, both.latencyRangeStartMs());
    assertEquals(150, both.latencyRangeEndMs());
    assertTrue(both.exceptionsActive());
    assertEquals(1, both.level(), "the smaller level of the two");
    assertEquals(Assault.latency(7), Assault.NONE.merge(Assault.latency(7)));
    assertEquals(Assault.latency(7), Assault.latency(7).merge(Assault.NONE));
    assertFalse(Assault.NONE.any());
  }

  @Test
  void runtimeAssaultsAreTheOnesThatNeedAnAttack() {
    assertTrue(Assault.memory(0.1, 0.9, 1000, 5000).runtime());
    assertTrue(Assault.cpu(0.8, 5000).runtime());
    assertTrue(Assault.killApplication().runtime());
    assertFalse(Assault.latency(10).runtime());
    assertFalse(Assault.exceptions(0.5).runtime());
  }

  @Test
  void outOfRangeSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Assault.latency(0));
    assertThrows(IllegalArgumentException.class, () -> Assault.memory(0.1, 0.99, 1000, 1000));
    assertThrows(IllegalArgumentException.class, () -> Assault.cpu(1.5, 1000));
  }
}
