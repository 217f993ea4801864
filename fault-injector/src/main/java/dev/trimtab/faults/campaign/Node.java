package dev.trimtab.faults.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML mapping being bound, with its source and field path for error messages. */
final class Node {
  private final JsonNode json;
  private final String source;
  private final String path;

  Node(JsonNode json, String source, String path) {
    this.json = json;
    this.source = source;
    this.path = path;
    if (json == null || !json.isObject()) {
      throw error("", "must be a mapping of fields");
    }
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  ConfigException error(String field, String problem) {
    return new ConfigException(source, field.isEmpty() ? path : path(field), problem);
  }

  boolean has(String field) {
    return json.has(field) && !json.get(field).isNull();
  }

  /** Fails on any field not in {@code known}, listing the known ones. */
  void onlyKnown(Set<String> known, String what) {
    Iterator<String> names = json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw error(name, "unknown field for " + what + "; known fields: " + List.copyOf(known));
      }
    }
  }

  String text(String field) {
    JsonNode v = require(field);
    if (!v.isTextual()) {
      throw error(field, "must be a string, got " + v.getNodeType().name().toLowerCase());
    }
    return v.asText();
  }

  String optionalText(String field, String otherwise) {
    return has(field) ? text(field) : otherwise;
  }

  double number(String field) {
    JsonNode v = require(field);
    if (!v.isNumber()) {
      throw error(field, "must be a number, got '" + v.asText() + "'");
    }
    return v.doubleValue();
  }

  double optionalNumber(String field, double otherwise) {
    return has(field) ? number(field) : otherwise;
  }

  int integer(String field) {
    JsonNode v = require(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw error(field, "must be a whole number, got '" + v.asText() + "'");
    }
    return v.intValue();
  }

  Node object(String field) {
    return new Node(require(field), source, path(field));
  }

  List<Node> objects(String field) {
    JsonNode v = require(field);
    if (!v.isArray()) {
      throw error(field, "must be a list");
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new Node(v.get(i), source, path(field) + "[" + i + "]"));
    }
    return out;
  }

  List<String> texts(String field) {
    JsonNode v = require(field);
    if (!v.isArray()) {
      throw error(field, "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw error(field + "[" + i + "]", "must be a string");
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  /** A map of label keys to string values. */
  Map<String, String> labels(String field) {
    Node map = object(field);
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<String> names = map.json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      out.put(name, map.text(name));
    }
    return out;
  }

  Map<String, Double> weights(String field) {
    Node map = object(field);
    Map<String, Double> out = new LinkedHashMap<>();
    Iterator<String> names = map.json.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      out.put(name, map.number(name));
    }
    return out;
  }

  private JsonNode require(String field) {
    if (!has(field)) {
      throw error(field, "is required");
    }
    return json.get(field);
  }
}
