package dev.trimtab.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void fixedDecimalsRoundHalfUpInRootLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("1.250", Numbers.fixed(1.25, 3));
      assertEquals("0.1", Numbers.fixed(0.1 + 0.2 - 0.2, 1));
      assertEquals("12346", Numbers.fixed(12345.5, 0));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void nonFiniteValuesHaveNames() {
    assertEquals("inf", Numbers.fixed(Double.POSITIVE_INFINITY, 3));
    assertEquals("-inf", Numbers.fixed(Double.NEGATIVE_INFINITY, 3));
    assertEquals("nan", Numbers.fixed(Double.NaN, 3));
  }

  @Test
  void negativeZeroIsWrittenAsZero() {
    assertEquals("0.000", Numbers.fixed(-0.0, 3));
    assertEquals("0.000", Numbers.fixed(-1e-9, 3));
    assertEquals("-0.001", Numbers.fixed(-0.001, 3));
  }

  @Test
  void compactWritesTheShortestPlainDecimal() {
    assertEquals("600", Numbers.compact(600.0));
    assertEquals("0.5", Numbers.compact(0.5));
    assertEquals("99.9", Numbers.compact(99.9));
    assertEquals("1500", Numbers.compact(1.5e3));
    assertEquals("0", Numbers.compact(-0.0));
    assertEquals("inf", Numbers.compact(Double.POSITIVE_INFINITY));
  }
}
