package dev.trimtab.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimDurationTest {

  @ParameterizedTest
  @CsvSource({
    "600s, 600000",
    "10m, 600000",
    "1500ms, 1500",
    "1h, 3600000",
    "0.5s, 500",
    "' 2s ', 2000",
    "1ms, 1"
  })
  void parsesEveryUnit(String text, double expectedMillis) {
    SimDuration d = SimDuration.parse(text);
    assertEquals(expectedMillis, d.millis(), 0.0, "exact for these decimal inputs");
    assertEquals(text.trim(), d.text());
    assertEquals(expectedMillis / 1000, d.seconds(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"600", "10 s", "-1s", "1d", "", "s", "1.s", "1S", "1e3s", "10min"})
  void refusesOtherForms(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimDuration.parse(text));
    assertTrue(e.getMessage().contains("ms, s, m or h"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0ms", "0.0h"})
  void refusesZero(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimDuration.parse(text));
    assertTrue(e.getMessage().contains("longer than zero"), e.getMessage());
  }
}
