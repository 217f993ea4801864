package dev.trimtab.rca.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.rca.feature.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file: plain JSON with a format name and a version, documented in {@code
 * docs/formats/rca-model.md}. Numbers are written in shortest round-trip form, so a model read back
 * scores exactly as the one written. Never Java serialization: a model file is data, and reading
 * one runs no code.
 */
public final class ModelFile {
  public static final String FORMAT = "trimtab-rca-model";
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFile() {}

  public static void write(RcaModel m, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFile.write(file, toJson(m));
  }

  public static String toJson(RcaModel m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("kind", m.kind().id());
    ArrayNode f = o.putArray("features");
    m.features().forEach(x -> f.add(x.id()));
    array(o.putArray("mean"), m.mean());
    array(o.putArray("scale"), m.scale());
    o.put("sigma", m.sigma());
    ArrayNode sv = o.putArray("support_vectors");
    for (double[] v : m.supportVectors()) {
      array(sv.addArray(), v);
    }
    array(o.putArray("weights"), m.weights());
    o.put("bias", m.bias());
    o.put("threshold", m.threshold());
    ObjectNode t = o.putObject("training");
    m.training().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> t.put(e.getKey(), e.getValue()));
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void array(ArrayNode a, double[] v) {
    for (double d : v) {
      a.add(d);
    }
  }

  public static RcaModel read(Path file) {
    String src = file.toString();
    try {
      return fromJson(Files.readString(file), src);
    } catch (IOException e) {
      throw new ConfigException(src, "", "cannot read the model: " + e.getMessage());
    }
  }

  public static RcaModel fromJson(String json, String src) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ConfigException(
          src, "", "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
      throw new ConfigException(
          src, "format", "must be \"" + FORMAT + "\": not a Trimtab RCA model");
    }
    if (o.path("version").asInt(-1) != VERSION) {
      throw new ConfigException(
          src, "version", "this Trimtab reads version " + VERSION + ", got " + o.path("version"));
    }
    ModelKind kind = ModelKind.fromId(o.path("kind").asText());
    if (kind == null) {
      throw new ConfigException(src, "kind", "unknown kind; known: " + ModelKind.ids());
    }
    List<Feature> features = new ArrayList<>();
    JsonNode fs = o.path("features");
    for (int i = 0; i < fs.size(); i++) {
      Feature f = Feature.fromId(fs.get(i).asText());
      if (f == null) {
        throw new ConfigException(
            src,
            "features[" + i + "]",
            "unknown feature; known: " + Feature.all().stream().map(Feature::id).toList());
      }
      features.add(f);
    }
    JsonNode svs = o.path("support_vectors");
    double[][] sv = new double[svs.size()][];
    for (int i = 0; i < sv.length; i++) {
      sv[i] = doubles(svs.get(i), src, "support_vectors[" + i + "]");
    }
    Map<String, String> training = new LinkedHashMap<>();
    o.path("training")
        .fields()
        .forEachRemaining(e -> training.put(e.getKey(), e.getValue().asText()));
    try {
      return new RcaModel(
          kind,
          features,
          doubles(o.get("mean"), src, "mean"),
          doubles(o.get("scale"), src, "scale"),
          number(o, "sigma", src),
          sv,
          doubles(o.get("weights"), src, "weights"),
          number(o, "bias", src),
          number(o, "threshold", src),
          training);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(src, "", e.getMessage());
    }
  }

  private static double number(JsonNode o, String field, String src) {
    JsonNode v = o.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new ConfigException(src, field, "must be a finite number");
    }
    return v.asDouble();
  }

  private static double[] doubles(JsonNode a, String src, String field) {
    if (a == null || !a.isArray()) {
      throw new ConfigException(src, field, "must be an array of numbers");
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      if (!a.get(i).isNumber() || !Double.isFinite(a.get(i).asDouble())) {
        throw new ConfigException(src, field + "[" + i + "]", "must be a finite number");
      }
      v[i] = a.get(i).asDouble();
    }
    return v;
  }
}
