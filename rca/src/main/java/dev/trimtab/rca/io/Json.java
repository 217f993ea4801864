package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;
import java.io.InputStream;

/** Jackson set up for untrusted trace files: bounded nesting and string sizes, streaming reads. */
final class Json {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(16 << 20)
                  .maxNumberLength(64)
                  .build())
          .build();
  static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

  private Json() {}

  static JsonParser parser(InputStream in, String source) {
    try {
      return FACTORY.createParser(in);
    } catch (IOException e) {
      throw new TraceFormatException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  static JsonNode tree(JsonParser p) throws IOException {
    return MAPPER.readTree(p);
  }

  /** The next token; end of input inside a value is an error. */
  static JsonToken next(JsonParser p, String source) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new TraceFormatException(source, where(p), "the file ends in the middle of JSON");
    }
    return t;
  }

  static String where(JsonParser p) {
    var loc = p.currentLocation();
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** A text field, or null if absent or not a scalar. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }

  /** A whole number held as a JSON number or a decimal string, or null. */
  static Long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (v.isNumber() && Double.isFinite(v.asDouble()) && Math.abs(v.asDouble()) < 9.2e18) {
      return (long) v.asDouble();
    }
    return null;
  }

  /** Multiplies, or null on overflow (a hostile file's huge numbers are not an exception). */
  static Long times(Long a, long factor) {
    if (a == null) {
      return null;
    }
    try {
      return Math.multiplyExact(a, factor);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static Long plus(Long a, Long b) {
    if (a == null || b == null) {
      return null;
    }
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
