package dev.trimtab.env.config;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a tree from a YAML parser's tokens without recursion, enforcing {@link YamlReader}'s
 * limits as it goes and resolving anchors, aliases and merge keys. Every error names the field path
 * it was found at.
 */
final class YamlTreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private final YamlParsing.AnchoringParser parser;
  private final String source;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Set<String> openAnchors = new HashSet<>();
  private long values;

  /** An anchored value and how many values it stands for. */
  private record Anchored(JsonNode node, long size) {}

  /** A map or list being built. */
  private static final class Frame {
    final JsonNode node;
    final String path;
    final String anchor;
    final long valuesAtStart;
    final Map<String, Integer> keyLines = new HashMap<>();
    final List<JsonNode> merges = new ArrayList<>();
    String key;

    Frame(JsonNode node, String path, String anchor, long valuesAtStart) {
      this.node = node;
      this.path = path;
      this.anchor = anchor;
      this.valuesAtStart = valuesAtStart;
    }

    String childPathFor(String k) {
      return path.isEmpty() ? k : path + "." + k;
    }

    String childPath() {
      if (node.isArray()) {
        return path + "[" + node.size() + "]";
      }
      return path.isEmpty() ? key : path + "." + key;
    }
  }

  YamlTreeBuilder(YamlParsing.AnchoringParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /** The document's root, or null for an empty document. */
  JsonNode build() throws IOException {
    JsonNode root = null;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (root != null) {
        throw new ConfigException(
            source,
            "",
            "expected one YAML document; got a second (starting at line "
                + line()
                + "); remove its '---' or split the file");
      }
      JsonNode done = step(token);
      if (done != null && stack.isEmpty()) {
        root = done;
      }
    }
    return root;
  }

  /** Handles one token; returns a value when one is complete at the top of the stack. */
  private JsonNode step(JsonToken token) throws IOException {
    Frame top = stack.peek();
    String path = top == null ? "" : top.childPath();
    switch (token) {
      case FIELD_NAME -> {
        String key = parser.currentName();
        checkScalar(key, top.childPathFor(key));
        Integer first = top.keyLines.putIfAbsent(key, line());
        if (first != null) {
          throw new ConfigException(
              source,
              top.childPathFor(key),
              "duplicate key at line "
                  + line()
                  + " (first at line "
                  + first
                  + "); a key may appear once in a map");
        }
        top.key = key;
        return null;
      }
      case START_OBJECT, START_ARRAY -> {
        if (stack.size() >= YamlReader.MAX_DEPTH) {
          throw new ConfigException(
              source,
              topLevel(path),
              "expected maps and lists nested at most "
                  + YamlReader.MAX_DEPTH
                  + " deep; got deeper nesting at line "
                  + line());
        }
        String anchor = parser.anchor();
        if (anchor != null) {
          openAnchors.add(anchor);
        }
        count(1, path);
        JsonNode node = token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        stack.push(new Frame(node, path, anchor, values));
        return null;
      }
      case END_OBJECT, END_ARRAY -> {
        Frame done = stack.pop();
        JsonNode node = done.node.isObject() ? merged(done) : done.node;
        if (done.anchor != null) {
          openAnchors.remove(done.anchor);
          anchors.put(done.anchor, new Anchored(node, values - done.valuesAtStart + 1));
        }
        return attach(node);
      }
      default -> {
        JsonNode value = parser.isCurrentAlias() ? alias(path) : scalar(token, path);
        return attach(value);
      }
    }
  }

  /** Adds a finished value to its parent; returns it when it has no parent (the root). */
  private JsonNode attach(JsonNode value) {
    Frame parent = stack.peek();
    if (parent == null) {
      return value;
    }
    if (parent.node instanceof ArrayNode list) {
      list.add(value);
    } else if (MERGE_KEY.equals(parent.key)) {
      parent.merges.add(value);
    } else {
      ((ObjectNode) parent.node).set(parent.key, value);
    }
    return null;
  }

  private JsonNode alias(String path) throws IOException {
    String name = parser.getText();
    Anchored target = anchors.get(name);
    if (target == null) {
      String why =
          openAnchors.contains(name)
              ? "refers to a value that contains it; a value cannot include itself"
              : "has no anchor '&" + name + "' before it";
      throw new ConfigException(source, path, "the alias '*" + name + "' " + why);
    }
    count(target.size(), path);
    return target.node();
  }

  private JsonNode scalar(JsonToken token, String path) throws IOException {
    count(1, path);
    JsonNode value =
        switch (token) {
          case VALUE_NUMBER_INT -> integer();
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(floating(parser.getText()));
          case VALUE_TRUE -> NODES.booleanNode(true);
          case VALUE_FALSE -> NODES.booleanNode(false);
          case VALUE_NULL -> NODES.nullNode();
          case VALUE_EMBEDDED_OBJECT -> NODES.binaryNode(parser.getBinaryValue());
          default -> {
            String text = parser.getText();
            checkScalar(text, path);
            yield NODES.textNode(text);
          }
        };
    String anchor = parser.anchor();
    if (anchor != null) {
      anchors.put(anchor, new Anchored(value, 1));
    }
    return value;
  }

  private JsonNode integer() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private double floating(String text) throws IOException {
    if (INF.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    return parser.getDoubleValue();
  }

  private void checkScalar(String text, String path) {
    if (text.length() > YamlReader.MAX_SCALAR_CHARS) {
      throw new ConfigException(
          source,
          path,
          "expected a value of at most "
              + YamlReader.MAX_SCALAR_CHARS
              + " characters; got "
              + text.length()
              + " characters");
    }
  }

  private void count(long n, String path) {
    values += n;
    if (values > YamlReader.MAX_VALUES) {
      throw new ConfigException(
          source,
          path,
          "expected at most "
              + YamlReader.MAX_VALUES
              + " values in a file, counting each alias as the values it stands for; got more"
              + " (an alias bomb?)");
    }
  }

  /** A map with its merge keys applied: its own fields first, then merged ones it lacks. */
  private JsonNode merged(Frame frame) {
    if (frame.merges.isEmpty()) {
      return frame.node;
    }
    ObjectNode out = (ObjectNode) frame.node;
    for (JsonNode merge : frame.merges) {
      List<JsonNode> maps = new ArrayList<>();
      if (merge.isArray()) {
        merge.forEach(maps::add);
      } else {
        maps.add(merge);
      }
      for (JsonNode map : maps) {
        if (!map.isObject()) {
          throw new ConfigException(
              source,
              frame.path.isEmpty() ? MERGE_KEY : frame.path + "." + MERGE_KEY,
              "expected a map or a list of maps to merge (a YAML merge key); got "
                  + YamlField.describe(map));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!out.has(e.getKey())) {
            out.set(e.getKey(), e.getValue());
          }
        }
      }
    }
    return out;
  }

  /** The first part of a path (a deep path would fill the message). */
  private static String topLevel(String path) {
    int cut = 0;
    while (cut < path.length()
        && path.charAt(cut) != '.'
        && (cut == 0 || path.charAt(cut) != '[')) {
      cut++;
    }
    return path.substring(0, cut);
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }
}
