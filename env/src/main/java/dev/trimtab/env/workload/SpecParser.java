package dev.trimtab.env.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trimtab.env.config.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
          "unknown kind '" + kind + "'; known kinds: " + String.join(", ", WorkloadBinder.KINDS));
    }
    Map<String, String> keys = new LinkedHashMap<>(KIND_KEYS.get(kind));
    keys.putAll(COMMON_KEYS);
    ObjectNode root = NODES.objectNode().put("kind", kind);
    root.putObject(kind);
    String params = colon < 0 ? "" : spec.substring(colon + 1).trim();
    for (String param : params.isEmpty() ? new String[0] : params.split(",")) {
      int eq = param.indexOf('=');
      String key = (eq < 0 ? param : param.substring(0, eq)).trim();
      if (eq < 0 || !keys.containsKey(key)) {
        throw new ConfigException(
            source,
            key,
            "expected key=value with a key among: " + String.join(", ", keys.keySet()));
      }
      put(root, keys.get(key), value(key, param.substring(eq + 1).trim(), source));
    }
    try {
      return WorkloadBinder.bind(root, source, baseDir);
    } catch (ConfigException e) {
      if (!e.source().equals(source)) {
        throw e;
      }
      throw new ConfigException(source, specField(e.field(), keys), problem(e));
    }
  }

  private static JsonNode value(String key, String text, String source) {
    if (key.equals("mix")) {
      ObjectNode mix = NODES.objectNode();
      for (String entry : text.split("/")) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0) {
          throw new ConfigException(source, "mix", "expected endpoint:weight/endpoint:weight");
        }
        mix.set(entry.substring(0, colon), scalar(entry.substring(colon + 1)));
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

  private static String problem(ConfigException e) {
    String message = e.getMessage();
    int split = message.indexOf("': ");
    return split < 0 ? message : message.substring(split + 3);
  }
}
