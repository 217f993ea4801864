package dev.trimtab.env.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whatever goes into a message, what comes out is one printable line of bounded length. */
class ConfigExceptionTest {
  @Test
  void controlCharactersAndBidiOverridesBecomeEscapes() {
    ConfigException e =
        new ConfigException("evil\u001b]0;title\u0007.yaml", "a\nb", "got \u202Egnp.exe\r\0");
    assertEquals(
        "evil\\u001b]0;title\\u0007.yaml: field 'a\\nb': got \\u202egnp.exe\\r\\u0000",
        e.getMessage());
    assertEquals("a\nb", e.field(), "the parts are kept as given");
  }

  @Test
  void longPartsAreCutWithTheirLength() {
    ConfigException e = new ConfigException("s".repeat(1000), "", "p".repeat(10_000));
    assertTrue(e.getMessage().startsWith("s".repeat(300) + "... (1000 characters): "));
    assertTrue(e.getMessage().endsWith("p... (10000 characters)"), e.getMessage());
    assertTrue(e.getMessage().length() < 4400);
  }

  @Test
  void emojiAndAccentsStayAsTheyAre() {
    assertEquals(
        "caf\u00e9.yaml: \uD83D\uDE00 ok",
        new ConfigException("caf\u00e9.yaml", "", "\uD83D\uDE00 ok").getMessage());
  }
}
