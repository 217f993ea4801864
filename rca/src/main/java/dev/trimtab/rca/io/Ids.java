package dev.trimtab.rca.io;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Normalises trace and span ids to lower-case hex, whatever encoding a file used. */
final class Ids {
  private Ids() {}

  /**
   * Lower-case hex of {@code id}; ids in base64 (the protobuf JSON mapping of bytes, which some
   * OTLP producers write instead of OTLP's hex) are decoded first. Null or blank stays null. Ids of
   * all zeros mean "none" in OpenTelemetry and Zipkin, and also give null.
   */
  static String normalise(String id, int hexLength) {
    if (id == null || id.isBlank()) {
      return null;
    }
    String s = id.trim();
    if (!isHex(s) && s.length() == base64Length(hexLength / 2)) {
      try {
        s = HexFormat.of().formatHex(Base64.getDecoder().decode(s));
      } catch (IllegalArgumentException notBase64) {
        // keep the string as given
      }
    }
    s = s.toLowerCase(Locale.ROOT);
    return s.chars().allMatch(c -> c == '0') ? null : s;
  }

  private static int base64Length(int bytes) {
    return (bytes + 2) / 3 * 4;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
