package dev.trimtab.env.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One field of a user's file, at a path such as {@code services[2].cpuLimitCores}, being bound into
 * a validated value. It is the binding layer of every user format: loaders read each field through
 * it, so that every format refuses the same mistakes with the same words:
 *
 * <pre>
 * FILE: field 'a.b[2].c': expected a number of cores in (0, 1024]; got the string "lots"
 * FILE: field 'a.b[2].c': expected a number of cores in (0, 1024]; got nothing (this field is required)
 * FILE: field 'a.b[2].cpuLimt': unknown field; allowed fields here: name, kind, ... (did you mean 'cpuLimitCores'?)
 * </pre>
 *
 * <p>Values are read once, at the edge, into records; no YAML tree leaves the loaders. A field that
 * is absent, or written with no value ({@code ~}, {@code null}), counts as left out: optional reads
 * give their default, required ones fail. Numbers are read against a {@link Range} (every numeric
 * field has a documented maximum); NaN and infinities are never allowed.
 */
public final class YamlField {
  private final String source;
  private final String path;
  private final JsonNode node;

  private YamlField(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /**
   * The root of a tree: what {@link YamlReader} returns, or a tree a caller built itself (a
   * one-line spec turned into fields).
   *
   * @param node the tree, or null for an empty file
   */
  public static YamlField root(String source, JsonNode node) {
    return new YamlField(source, "", node);
  }

  /** How errors name the file (or other source). */
  public String source() {
    return source;
  }

  /** This field's path, e.g. {@code services[2].cpuLimitCores}; empty for the root. */
  public String path() {
    return path;
  }

  /** An error about this field, e.g. a check across fields. */
  public ConfigException error(String problem) {
    return new ConfigException(source, path, problem);
  }

  /** {@code expected ALLOWED; got WHAT-IS-THERE}, the one wording of a wrong value. */
  public ConfigException expected(String allowed) {
    String got = isMissing() ? "nothing (this field is required)" : describe(node);
    if (path.isEmpty() && isMissing()) {
      return error("the file is empty; expected " + allowed);
    }
    return error("expected " + allowed + "; got " + got);
  }

  /** Whether the field is absent or written with no value. */
  public boolean isMissing() {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Whether this is a map with a value at {@code key}. */
  public boolean has(String key) {
    return node != null && node.isObject() && !child(key).isMissing();
  }

  /**
   * The field at {@code key} of this map. It may be missing: reading a missing field fails with
   * {@code got nothing (this field is required)}, naming what it expected.
   */
  public YamlField required(String key) {
    return child(key);
  }

  private YamlField child(String key) {
    JsonNode value = node != null && node.isObject() ? node.get(key) : null;
    return new YamlField(source, path.isEmpty() ? key : path + "." + key, value);
  }

  // ---- maps

  /** Checks that this is a map whose keys are all in {@code allowed}. */
  public YamlField requireMap(List<String> allowed) {
    if (node == null || !node.isObject()) {
      throw expected("a map with fields " + String.join(", ", allowed));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw child(key).error(unknownField(key, allowed));
      }
    }
    return this;
  }

  /** The message for a key not in {@code allowed}, with a suggestion when one is close. */
  public static String unknownField(String key, List<String> allowed) {
    String guess = Suggestions.closest(key, allowed);
    return "unknown field; allowed fields here: "
        + String.join(", ", allowed)
        + (guess == null ? "" : " (did you mean '" + guess + "'?)");
  }

  /** The keys of this map, in file order. */
  public List<String> keys() {
    if (node == null || !node.isObject()) {
      throw expected("a map");
    }
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  // ---- lists

  /** The items of this list; fails unless it is a list with at least {@code minSize} items. */
  public List<YamlField> elements(int minSize, String what) {
    return elements(minSize, Integer.MAX_VALUE, what);
  }

  /** The items of this list, which must hold {@code minSize} to {@code maxSize} items. */
  public List<YamlField> elements(int minSize, int maxSize, String what) {
    if (node == null || !node.isArray()) {
      throw expected("a list of " + what);
    }
    if (node.size() < minSize) {
      throw error("expected at least " + minSize + " " + what + "; got " + node.size());
    }
    if (node.size() > maxSize) {
      throw error("expected at most " + maxSize + " " + what + "; got " + node.size());
    }
    List<YamlField> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new YamlField(source, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** Whether this field holds a list (so a caller can accept a single value or a list). */
  public boolean isList() {
    return node != null && node.isArray();
  }

  /** Whether this field holds a map. */
  public boolean isMap() {
    return node != null && node.isObject();
  }

  /** Whether this field holds a string. */
  public boolean isText() {
    return node != null && node.isTextual();
  }

  // ---- scalars

  /** A string matching {@code pattern}; {@code allowed} says in words what matches. */
  public String text(Pattern pattern, String allowed) {
    if (node == null || !node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
      throw expected(allowed);
    }
    return node.textValue();
  }

  /** Any string that is not blank; {@code allowed} says what it names. */
  public String text(String allowed) {
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      throw expected(allowed);
    }
    return node.textValue();
  }

  /** One of {@code allowed}: {@code expected one of a, b, c; got "d"}. */
  public String choice(Collection<String> allowed) {
    if (node == null || !node.isTextual() || !allowed.contains(node.textValue())) {
      throw expected("one of " + String.join(", ", allowed));
    }
    return node.textValue();
  }

  /** A number inside {@code range}. */
  public double number(Range range) {
    if (node == null || !node.isNumber() || !range.contains(node.doubleValue())) {
      throw expected(range.describe());
    }
    return node.doubleValue();
  }

  /**
   * A whole number inside {@code range} (an integer range, within int); {@code 3.0} counts as 3, as
   * in JSON.
   */
  public int integer(Range range) {
    if (node == null || !node.isNumber()) {
      throw expected(range.describe());
    }
    double x = node.doubleValue();
    if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE || !range.contains(x)) {
      throw expected(range.describe());
    }
    return (int) x;
  }

  /** {@code true} or {@code false}. */
  public boolean bool() {
    if (node == null || !node.isBoolean()) {
      throw expected("true or false");
    }
    return node.booleanValue();
  }

  /** A list of {@code minSize} to {@code maxSize} numbers, each inside {@code range}. */
  public double[] numbers(int minSize, int maxSize, Range range) {
    List<YamlField> items = elements(minSize, maxSize, "values");
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = items.get(i).number(range);
    }
    return out;
  }

  /** A map of at most {@code maxEntries} names to numbers inside {@code range}, in file order. */
  public Map<String, Double> weights(Range range, int maxEntries) {
    List<String> names = keys();
    if (names.size() > maxEntries) {
      throw error("expected at most " + maxEntries + " entries; got " + names.size());
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (String name : names) {
      out.put(name, child(name).number(range));
    }
    return out;
  }

  /** A map whose keys and values all match {@code pattern}, sorted by key. */
  public Map<String, String> stringMap(Pattern pattern, String allowed) {
    Map<String, String> out = new TreeMap<>();
    for (String key : keys()) {
      YamlField value = child(key);
      if (!pattern.matcher(key).matches()) {
        throw value.error("expected a key of " + allowed + "; got " + Snippet.quoted(key));
      }
      out.put(key, value.text(pattern, allowed));
    }
    return out;
  }

  // ---- optional fields of this map

  /** The string at {@code key} (any string, even empty), or {@code fallback} when left out. */
  public String optionalText(String key, String fallback) {
    YamlField child = child(key);
    if (child.isMissing()) {
      return fallback;
    }
    if (!child.node.isTextual()) {
      throw child.expected("a string");
    }
    return child.node.textValue();
  }

  /** The non-blank string at {@code key}, or {@code fallback} when left out. */
  public String optionalText(String key, String fallback, String allowed) {
    YamlField child = child(key);
    return child.isMissing() ? fallback : child.text(allowed);
  }

  /** One of {@code allowed} at {@code key}, or {@code fallback} when left out. */
  public String optionalChoice(String key, Collection<String> allowed, String fallback) {
    YamlField child = child(key);
    return child.isMissing() ? fallback : child.choice(allowed);
  }

  /** The number at {@code key} inside {@code range}, or {@code fallback} when left out. */
  public double optionalNumber(String key, double fallback, Range range) {
    YamlField child = child(key);
    return child.isMissing() ? fallback : child.number(range);
  }

  /** The whole number at {@code key} inside {@code range}, or {@code fallback} when left out. */
  public int optionalInteger(String key, int fallback, Range range) {
    YamlField child = child(key);
    return child.isMissing() ? fallback : child.integer(range);
  }

  /** The boolean at {@code key}, or {@code fallback} when left out. */
  public boolean optionalBool(String key, boolean fallback) {
    YamlField child = child(key);
    return child.isMissing() ? fallback : child.bool();
  }

  /** The map of strings at {@code key} (see {@link #stringMap}); empty when left out. */
  public Map<String, String> optionalStringMap(String key, Pattern pattern, String allowed) {
    YamlField child = child(key);
    return child.isMissing() ? new TreeMap<>() : child.stringMap(pattern, allowed);
  }

  /** What this field holds, in words, for messages. */
  public String describe() {
    return describe(node);
  }

  /**
   * What a value is, in words: {@code the number 1.5}, {@code the string "lots"}, {@code a map},
   * {@code a list of 3 items}, {@code nothing (null)}. Strings are quoted printable and cut.
   */
  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing (null)";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty list" : "a list of " + node.size() + " items";
    }
    if (node.isTextual() && node.textValue().isEmpty()) {
      return "an empty value";
    }
    if (node.isTextual()) {
      return "the string " + Snippet.quoted(node.textValue());
    }
    if (node.isBoolean()) {
      return "the boolean " + node.booleanValue();
    }
    if (node.isBinary()) {
      return "binary data";
    }
    if (node.isFloatingPointNumber()) {
      return "the number " + Range.format(node.doubleValue());
    }
    if (node.isNumber()) {
      return "the number " + Snippet.printable(node.asText(), Snippet.QUOTE_CHARS);
    }
    return Snippet.printable(node.asText(), Snippet.QUOTE_CHARS);
  }
}
