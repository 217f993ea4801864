package dev.trimtab.env.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Snippet;
import dev.trimtab.env.config.YamlField;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a one-line spec such as {@code poisson:rate=200,duration=600} into the YAML tree a file
 * would give, binds it with {@link WorkloadBinder}, and reports errors by the spec's own key names.
 */
final class SpecParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, String> COMMON_KEYS =
      keys(
          "scale", "rateScale",
          "target-rate", "targetMeanRatePerS",
          "offset", "startOffsetS",
          "compression", "timeCompression",
          "duration", "durationS",
          "mix", "mix");
  private static final Map<String, Map<String, String>> KIND_KEYS =
      Map.of(
          "poisson", keys("rate", "poisson.ratePerS"),
          "diurnal",
              keys(
                  "min", "diurnal.minRatePerS",
                  "max", "diurnal.maxRatePerS",
                  "period", "diurnal.periodS",
                  "phase", "diurnal.phaseS"),
          "mmpp", keys("rates", "mmpp.ratesPerS", "sojourn", "mmpp.meanSojournS"),
          "flash-crowd",
              keys(
                  "base", "flash-crowd.baseRatePerS",
                  "peak", "flash-crowd.peakMultiple",
                  "start", "flash-crowd.startS",
                  "ramp", "flash-crowd.rampS",
                  "hold", "flash-crowd.holdS",
                  "decay", "flash-crowd.decayS"),
          "trace",
              keys(
                  "file", "trace.file",
                  "format", "trace.format",
                  "loop", "trace.loop",
                  "smoothing", "trace.smoothingS",
                  "timestamp-column", "trace.timestampColumn",
                  "prompt-column", "trace.promptTokensColumn",
                  "output-column", "trace.outputTokensColumn"));

  private SpecParser() {}

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static WorkloadSpec parse(String spec, Path baseDir) {
    String source = "workload spec '" + spec + "'";
    int colon = spec.indexOf(':');
    String kind = (colon < 0 ? spec : spec.substring(0, colon)).trim();
    if (!KIND_KEYS.containsKey(kind)) {
      throw new ConfigException(
          source,
          "kind",
          "expected one of "
              + String.join(", ", WorkloadBinder.KINDS)
              + "; got "
              + Snippet.quoted(kind));
    }
    Map<String, String> keys = new LinkedHashMap<>(KIND_KEYS.get(kind));
    keys.putAll(COMMON_KEYS);
    ObjectNode root = NODES.objectNode().put("kind", kind);
    root.putObject(kind);
    String params = colon < 0 ? "" : spec.substring(colon + 1).trim();
    Set<String> seen = new HashSet<>();
    for (String param : params.isEmpty() ? new String[0] : params.split(",", -1)) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).trim();
      if (eq < 0) {
        throw new ConfigException(
            source,
            key,
            "expected key=value with a key among "
                + String.join(", ", keys.keySet())
                + "; got "
                + Snippet.quoted(param));
      }
      if (!keys.containsKey(key)) {
        throw new ConfigException(
            source, key, YamlField.unknownField(key, List.copyOf(keys.keySet())));
      }
      if (!seen.add(key)) {
        throw new ConfigException(source, key, "duplicate key; a key may appear once in a spec");
      }
      put(root, keys.get(key), value(key, param.substring(eq + 1).trim(), source));
    }
    try {
      return WorkloadBinder.bind(YamlField.root(source, root), baseDir);
    } catch (ConfigException e) {
      if (!e.source().equals(source)) {
        throw e;
      }
      throw new ConfigException(source, specField(e.field(), keys), e.problem());
    }
  }

  private static JsonNode value(String key, String text, String source) {
    if (key.equals("mix")) {
      ObjectNode mix = NODES.objectNode();
      for (String entry : text.split("/")) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0) {
          throw new ConfigException(
              source,
              "mix",
              "expected endpoint:weight/endpoint:weight; got " + Snippet.quoted(text));
        }
        String endpoint = entry.substring(0, colon);
        if (mix.has(endpoint)) {
          throw new ConfigException(
              source, "mix." + endpoint, "duplicate endpoint; each may appear once in a mix");
        }
        mix.set(endpoint, scalar(entry.substring(colon + 1)));
      }
      return mix;
    }
    if (key.equals("rates") || key.equals("sojourn")) {
      ArrayNode list = NODES.arrayNode();
      for (String item : text.split("/")) {
        list.add(scalar(item));
      }
      return list;
    }
    return scalar(text);
  }

  private static JsonNode scalar(String text) {
    if (text.equals("true") || text.equals("false")) {
      return NODES.booleanNode(Boolean.parseBoolean(text));
    }
    try {
      return NODES.numberNode(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return NODES.textNode(text);
    }
  }

  private static void put(ObjectNode root, String path, JsonNode value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      root.set(path, value);
    } else {
      ((ObjectNode) root.get(path.substring(0, dot))).set(path.substring(dot + 1), value);
    }
  }

  /**
   * Maps a YAML field path back to the spec key it came from, e.g. mmpp.ratesPerS[1] to rates[1].
   */
  private static String specField(String yamlField, Map<String, String> keys) {
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String path = e.getValue();
      if (yamlField.equals(path)
          || yamlField.startsWith(path + "[")
          || yamlField.startsWith(path + ".")) {
        return e.getKey() + yamlField.substring(path.length());
      }
    }
    return yamlField;
  }
}
