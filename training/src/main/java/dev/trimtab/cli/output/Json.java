package dev.trimtab.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes small JSON objects with keys in the order given and numbers already formatted by {@link
 * Numbers}, so output is byte-stable. Non-finite numbers become {@code null} (JSON has no
 * infinity).
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Fills one JSON object. */
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

  private Json() {}

  /** One object, pretty-printed with two-space indents and a final newline. */
  public static String pretty(Body body) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return render(body, printer) + "\n";
  }

  /** One object on one line, no spaces. */
  public static String line(Body body) {
    return render(body, null);
  }

  private static String render(Body body, DefaultPrettyPrinter printer) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      if (printer != null) {
        out.setPrettyPrinter(printer);
      }
      out.writeStartObject();
      body.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A number field formatted with {@code decimals} fixed decimals, or null if not finite. */
  public static void fixed(JsonGenerator out, String key, double value, int decimals)
      throws IOException {
    out.writeFieldName(key);
    if (Double.isFinite(value)) {
      out.writeNumber(Numbers.fixed(value, decimals));
    } else {
      out.writeNull();
    }
  }

  /** A number field without decimals when whole, or null if not finite. */
  public static void compact(JsonGenerator out, String key, double value) throws IOException {
    out.writeFieldName(key);
    if (Double.isFinite(value)) {
      out.writeNumber(Numbers.compact(value));
    } else {
      out.writeNull();
    }
  }
}
