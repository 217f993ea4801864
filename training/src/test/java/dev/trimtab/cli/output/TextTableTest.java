package dev.trimtab.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsNamesLeftAndNumbersRight() {
    String text = new TextTable("name", "n").row("a", "100").row("long-name", "7").render();
    assertEquals("name         n\n" + "a          100\n" + "long-name    7\n", text);
  }

  @Test
  void refusesRowsOfTheWrongWidth() {
    assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("x"));
  }
}
