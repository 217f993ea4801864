package dev.trimtab.env.config;

/**
 * Makes text from a user's input safe to print in a one-line message: control characters, line
 * breaks, invisible format characters (such as bidirectional overrides) and unpaired surrogates
 * become visible escapes ({@code \n}, {@code \t}, {@code \u001b}), and text longer than a limit is
 * cut with a note of its length. Whatever a file holds, a message quoting it never writes binary
 * bytes or terminal escape sequences.
 */
public final class Snippet {
  /** How many characters of a value {@link #quoted(String)} shows. */
  public static final int QUOTE_CHARS = 80;

  private Snippet() {}

  /** {@code text} with invisible characters escaped, cut after {@code maxChars} characters. */
  public static String printable(String text, int maxChars) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
    int shown = 0;
    for (int i = 0; i < text.length(); i++) {
      if (shown >= maxChars) {
        out.append("... (").append(text.length()).append(" characters)");
        break;
      }
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = text.codePointAt(i);
        if (visible(cp)) {
          out.append(c).append(text.charAt(i + 1));
        } else {
          escape(out, cp);
        }
        i++;
      } else if (visible(c)) {
        out.append(c);
      } else {
        escape(out, c);
      }
      shown++;
    }
    return out.toString();
  }

  /** {@code text} in double quotes, printable, at most {@link #QUOTE_CHARS} characters shown. */
  public static String quoted(String text) {
    return "\"" + printable(text, QUOTE_CHARS) + "\"";
  }

  private static boolean visible(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static void escape(StringBuilder out, int cp) {
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (cp > 0xFFFF) {
          out.append(String.format("\\U%08x", cp));
        } else {
          out.append(String.format("\\u%04x", cp));
        }
      }
    }
  }
}
