package dev.trimtab.faults.problem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import java.util.Iterator;
import java.util.List;

/** A YAML mapping of a problem file being bound, with its source and field path for errors. */
final class Fields {
  private final JsonNode json;
  private final String source;
  private final String path;

  Fields(JsonNode json, String source, String path) {
    this.json = json;
    this.source = source;
    this.path = path;
    if (json == null || !json.isObject()) {
      throw new ConfigException(source, path, "must be a mapping of fields");
    }
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  ConfigException error(String field, String problem) {
    return new ConfigException(source, path(field), problem);
  }

  boolean has(String field) {
    return json.has(field) && !json.get(field).isNull();
  }

  JsonNode raw(String field) {
    if (!has(field)) {
      throw error(field, "is required");
    }
    return json.get(field);
  }

  /** Fails on any field not in {@code known}, listing the known ones. */
  void onlyKnown(List<String> known, String what) {
    Iterator<String> names = json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(name, "unknown field for " + what + "; known fields: " + known);
      }
    }
  }

  Iterator<String> fieldNames() {
    return json.fieldNames();
  }

  String text(String field) {
    JsonNode v = raw(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(field, "must be a non-blank string, got '" + v.asText() + "'");
    }
    return v.asText();
  }

  String optionalText(String field, String otherwise) {
    return has(field) ? text(field) : otherwise;
  }

  /** A number satisfying {@code ok}; {@code allowed} says what is allowed. */
  double number(String field, java.util.function.DoublePredicate ok, String allowed) {
    JsonNode v = raw(field);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || !ok.test(v.doubleValue())) {
      throw error(field, "must be " + allowed + ", got '" + v.asText() + "'");
    }
    return v.doubleValue();
  }

  double optionalNumber(
      String field, double otherwise, java.util.function.DoublePredicate ok, String allowed) {
    return has(field) ? number(field, ok, allowed) : otherwise;
  }

  Fields object(String field) {
    return new Fields(raw(field), source, path(field));
  }
}
