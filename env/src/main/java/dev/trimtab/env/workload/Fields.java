package dev.trimtab.env.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, range-checked reads of one YAML object, with errors that name the source and the field
 * path. Package-private: the core never sees YAML trees.
 */
final class Fields {
  private final String source;
  private final String prefix;
  private final JsonNode node;

  Fields(String source, String prefix, JsonNode node) {
    this.source = source;
    this.prefix = prefix;
    if (node == null || !node.isObject()) {
      throw new ConfigException(source, prefix, "expected a mapping of fields");
    }
    this.node = node;
  }

  String source() {
    return source;
  }

  String path(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  ConfigException error(String name, String problem) {
    return new ConfigException(source, path(name), problem);
  }

  /** Fails on the first field not in {@code known}, listing the known ones. */
  void allowOnly(Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw error(name, "unknown field; known fields: " + String.join(", ", known));
      }
    }
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  Fields object(String name) {
    if (!has(name)) {
      throw error(name, "required mapping is missing");
    }
    return new Fields(source, path(name), node.get(name));
  }

  double number(String name, Range range) {
    if (!has(name)) {
      throw error(name, "required; expected " + range.describe());
    }
    return check(name, node.get(name), range);
  }

  double number(String name, Range range, double defaultValue) {
    return has(name) ? check(name, node.get(name), range) : defaultValue;
  }

  private double check(String name, JsonNode value, Range range) {
    if (!value.isNumber()) {
      throw error(name, "expected " + range.describe() + ", got '" + value.asText() + "'");
    }
    double x = value.doubleValue();
    if (!range.contains(x)) {
      throw error(name, "expected " + range.describe() + ", got " + value.asText());
    }
    return x;
  }

  double[] numbers(String name, Range range) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray() || value.isEmpty()) {
      throw error(name, "required; expected a non-empty list of " + range.describe() + "s");
    }
    double[] out = new double[value.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = check(name + "[" + i + "]", value.get(i), range);
    }
    return out;
  }

  boolean bool(String name, boolean defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    JsonNode value = node.get(name);
    if (!value.isBoolean()) {
      throw error(name, "expected true or false, got '" + value.asText() + "'");
    }
    return value.booleanValue();
  }

  String text(String name, String defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    JsonNode value = node.get(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw error(name, "expected a non-empty string, got '" + value.asText() + "'");
    }
    return value.asText();
  }

  String choice(String name, List<String> allowed, String defaultValue) {
    String value = text(name, defaultValue);
    if (value != null && !allowed.contains(value)) {
      throw error(name, "got '" + value + "'; allowed values: " + String.join(", ", allowed));
    }
    return value;
  }

  /** A mapping of names to positive weights, in file order; empty when absent. */
  Map<String, Double> weights(String name) {
    if (!has(name)) {
      return Map.of();
    }
    Fields inner = object(name);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<String> it = inner.node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      out.put(key, inner.number(key, Range.POSITIVE));
    }
    return out;
  }

  /** A closed numeric range with a human description. */
  record Range(double min, boolean minExclusive, double max, String describe) {
    static final Range POSITIVE = new Range(0, true, Double.MAX_VALUE, "a finite number > 0");
    static final Range NON_NEGATIVE = new Range(0, false, Double.MAX_VALUE, "a finite number >= 0");

    boolean contains(double x) {
      return Double.isFinite(x) && (minExclusive ? x > min : x >= min) && x <= max;
    }
  }
}
