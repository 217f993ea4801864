package dev.trimtab.env.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.common.AttributeKey;
import java.io.IOException;
import java.util.List;

/** Attribute values as OTLP JSON {@code AnyValue} objects. */
final class OtlpJsonValues {
  private OtlpJsonValues() {}

  /**
   * Writes {@code value} of attribute {@code key} as an {@code AnyValue}.
   *
   * @throws IllegalArgumentException for {@code VALUE} (complex) attributes, which the simulator
   *     never makes and this writer does not support
   */
  static void write(JsonGenerator json, AttributeKey<?> key, Object value) throws IOException {
    json.writeStartObject();
    switch (key.getType()) {
      case STRING, BOOLEAN, LONG, DOUBLE -> writeScalarField(json, value);
      case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
        json.writeObjectFieldStart("arrayValue");
        json.writeArrayFieldStart("values");
        for (Object element : (List<?>) value) {
          json.writeStartObject();
          writeScalarField(json, element);
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      case VALUE ->
          throw new IllegalArgumentException(
              "attribute " + key.getKey() + " has a complex (VALUE) type, which is not supported");
    }
    json.writeEndObject();
  }

  private static void writeScalarField(JsonGenerator json, Object value) throws IOException {
    if (value instanceof String s) {
      json.writeStringField("stringValue", s);
    } else if (value instanceof Boolean b) {
      json.writeBooleanField("boolValue", b);
    } else if (value instanceof Long l) {
      json.writeStringField("intValue", Long.toString(l));
    } else if (value instanceof Double d) {
      json.writeNumberField("doubleValue", d);
    } else {
      throw new IllegalArgumentException("unsupported attribute value " + value.getClass());
    }
  }
}
