package dev.trimtab.rca.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.io.UserFiles;
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
    o.put("relative", m.relative());
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

  /**
   * The largest model file read, in bytes: a Gaussian SVM of {@link #MAX_SUPPORT_VECTORS} vectors
   * of a dozen features is about 40 MB.
   */
  public static final long MAX_BYTES = 64L << 20;

  /** The most support vectors a model may hold (training keeps at most 8 000 rows). */
  public static final int MAX_SUPPORT_VECTORS = 100_000;

  /** The most features a model may name: each may appear once. */
  public static final int MAX_FEATURES = Feature.values().length;

  public static RcaModel read(Path file) {
    return fromJson(UserFiles.text(file, MAX_BYTES, "a model file (JSON)"), file.toString());
  }

  public static RcaModel fromJson(String json, String src) {
    JsonNode o = UserFiles.json(json, src);
    if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
      throw new ConfigException(
          src, "format", "must be \"" + FORMAT + "\": not a Trimtab RCA model");
    }
    JsonNode version = o.path("version");
    if (!version.isIntegralNumber() || version.asLong() != VERSION) {
      throw new ConfigException(
          src, "version", "this Trimtab reads version " + VERSION + ", got " + o.path("version"));
    }
    ModelKind kind = ModelKind.fromId(o.path("kind").asText());
    if (kind == null) {
      throw new ConfigException(src, "kind", "unknown kind; known: " + ModelKind.ids());
    }
    List<Feature> features = new ArrayList<>();
    JsonNode fs = o.path("features");
    if (!fs.isArray() || fs.isEmpty() || fs.size() > MAX_FEATURES) {
      throw new ConfigException(
          src, "features", "must be a list of 1 to " + MAX_FEATURES + " feature ids");
    }
    for (int i = 0; i < fs.size(); i++) {
      Feature f = fs.get(i).isTextual() ? Feature.fromId(fs.get(i).asText()) : null;
      if (f == null) {
        throw new ConfigException(
            src,
            "features[" + i + "]",
            "unknown feature; known: " + Feature.all().stream().map(Feature::id).toList());
      }
      if (features.contains(f)) {
        throw new ConfigException(src, "features[" + i + "]", "'" + f.id() + "' appears twice");
      }
      features.add(f);
    }
    int d = features.size();
    JsonNode svs = o.path("support_vectors");
    if (!svs.isMissingNode() && !svs.isArray()) {
      throw new ConfigException(src, "support_vectors", "must be a list of arrays of numbers");
    }
    if (svs.size() > MAX_SUPPORT_VECTORS) {
      throw new ConfigException(
          src,
          "support_vectors",
          svs.size() + " vectors; at most " + MAX_SUPPORT_VECTORS + " are allowed");
    }
    if (kind != ModelKind.GAUSSIAN_SVM && svs.size() > 0) {
      throw new ConfigException(
          src, "support_vectors", "must be empty for kind '" + kind.id() + "'");
    }
    double[][] sv = new double[svs.size()][];
    for (int i = 0; i < sv.length; i++) {
      sv[i] = doubles(svs.get(i), src, "support_vectors[" + i + "]", d);
    }
    double[] mean = doubles(o.get("mean"), src, "mean", d);
    double[] scale = doubles(o.get("scale"), src, "scale", d);
    for (int j = 0; j < d; j++) {
      if (!(scale[j] > 0)) {
        throw new ConfigException(
            src,
            "scale[" + j + "]",
            "must be > 0 (a standard deviation; training writes 1 for a constant feature), got "
                + scale[j]);
      }
    }
    double sigma = number(o, "sigma", src);
    if (!(sigma > 0)) {
      throw new ConfigException(src, "sigma", "must be > 0, got " + sigma);
    }
    int expectedWeights = kind == ModelKind.GAUSSIAN_SVM ? sv.length : d;
    double[] weights = doubles(o.get("weights"), src, "weights", expectedWeights);
    Map<String, String> training = new LinkedHashMap<>();
    o.path("training")
        .fields()
        .forEachRemaining(e -> training.put(e.getKey(), e.getValue().asText()));
    try {
      return new RcaModel(
          kind,
          features,
          mean,
          scale,
          sigma,
          sv,
          weights,
          number(o, "bias", src),
          number(o, "threshold", src),
          training,
          relative(o, src));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(src, "", e.getMessage());
    }
  }

  private static boolean relative(JsonNode o, String src) {
    JsonNode v = o.get("relative");
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new ConfigException(src, "relative", "must be true or false");
    }
    return v.asBoolean();
  }

  private static String expected(String field) {
    return field.equals("weights")
        ? "one per feature, or per support vector for gaussian-svm"
        : "one per feature";
  }

  private static double number(JsonNode o, String field, String src) {
    JsonNode v = o.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new ConfigException(src, field, "must be a finite number");
    }
    return v.asDouble();
  }

  private static double[] doubles(JsonNode a, String src, String field, int length) {
    if (a == null || !a.isArray()) {
      throw new ConfigException(src, field, "must be an array of " + length + " numbers");
    }
    if (a.size() != length) {
      throw new ConfigException(
          src,
          field,
          "has " + a.size() + " numbers; it needs " + length + " (" + expected(field) + ")");
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
