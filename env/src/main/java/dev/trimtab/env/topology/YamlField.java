package dev.trimtab.env.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;

/**
 * A node of a parsed YAML tree together with its field path, so that every read can fail with a
 * {@link ConfigException} naming the file, the field and what is allowed. Missing fields are
 * reported at the path they would have had.
 */
final class YamlField {
  private final String source;
  private final String path;
  private final JsonNode node;

  YamlField(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  ConfigException error(String problem) {
    return new ConfigException(source, path, problem);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** The child at {@code key}; fails if this node is not a map or lacks the key. */
  YamlField required(String key) {
    YamlField child = child(key);
    if (child.node == null) {
      throw child.error("missing; this field is required");
    }
    return child;
  }

  private YamlField child(String key) {
    return new YamlField(source, path.isEmpty() ? key : path + "." + key, node.get(key));
  }

  /** Checks that this node is a map whose keys are all in {@code allowed}. */
  YamlField requireMap(List<String> allowed) {
    if (!node.isObject()) {
      throw error("expected a map with fields " + String.join(", ", allowed) + "; got " + kind());
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw child(key).error("unknown field; allowed fields here: " + String.join(", ", allowed));
      }
    }
    return this;
  }

  /** The elements of this list; fails unless it is a list with at least {@code minSize} items. */
  List<YamlField> elements(int minSize, String what) {
    if (!node.isArray()) {
      throw error("expected a list of " + what + "; got " + kind());
    }
    if (node.size() < minSize) {
      throw error("expected at least " + minSize + " " + what + "; got " + node.size());
    }
    List<YamlField> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new YamlField(source, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  String text(Pattern pattern, String allowed) {
    if (!node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
      throw error("expected " + allowed + "; got " + kind());
    }
    return node.textValue();
  }

  String optionalText(String key, String fallback) {
    YamlField child = child(key);
    if (child.node == null) {
      return fallback;
    }
    if (!child.node.isTextual()) {
      throw child.error("expected a string; got " + child.kind());
    }
    return child.node.textValue();
  }

  double number(DoublePredicate valid, String allowed) {
    if (!node.isNumber()
        || !Double.isFinite(node.doubleValue())
        || !valid.test(node.doubleValue())) {
      throw error("expected " + allowed + "; got " + kind());
    }
    return node.doubleValue();
  }

  double optionalNumber(String key, double fallback, DoublePredicate valid, String allowed) {
    YamlField child = child(key);
    return child.node == null ? fallback : child.number(valid, allowed);
  }

  int integer(int min, String allowed) {
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
      throw error("expected " + allowed + "; got " + kind());
    }
    return node.intValue();
  }

  int optionalInteger(String key, int fallback, int min, String allowed) {
    YamlField child = child(key);
    return child.node == null ? fallback : child.integer(min, allowed);
  }

  /** A map of string keys to string values (e.g. labels); empty when the key is absent. */
  java.util.Map<String, String> optionalStringMap(String key, Pattern pattern, String allowed) {
    YamlField child = child(key);
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    if (child.node == null) {
      return out;
    }
    if (!child.node.isObject()) {
      throw child.error("expected a map of " + allowed + "; got " + child.kind());
    }
    for (Iterator<String> it = child.node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      YamlField value = child.child(k);
      if (!pattern.matcher(k).matches()) {
        throw value.error("bad key; keys and values must be " + allowed);
      }
      out.put(k, value.text(pattern, allowed));
    }
    return out;
  }

  /** What the node holds, for error messages. */
  private String kind() {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing (null)";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual() && node.textValue().isEmpty()) {
      return "an empty value";
    }
    if (node.isTextual()) {
      return "the string \"" + node.textValue() + "\"";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.booleanValue();
    }
    return (node.isNumber() ? "the number " : "") + node.asText();
  }
}
