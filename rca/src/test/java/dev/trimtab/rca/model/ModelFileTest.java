package dev.trimtab.rca.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/formats/rca-model.md allows, and nothing else, is read. */
class ModelFileTest {
  /** A valid linear model of two features, with {@code %s} slots for what each case changes. */
  private static String model(
      String version, String features, String mean, String scale, String weights) {
    return "{\"format\":\"trimtab-rca-model\",\"version\":"
        + version
        + ",\"kind\":\"linear-svm\",\"features\":"
        + features
        + ",\"mean\":"
        + mean
        + ",\"scale\":"
        + scale
        + ",\"sigma\":1,\"support_vectors\":[],\"weights\":"
        + weights
        + ",\"bias\":-1,\"threshold\":0,\"training\":{}}";
  }

  private static String good() {
    return model("1", "[\"ri\",\"self_change\"]", "[0,0]", "[1,2]", "[0.5,1]");
  }

  private static ConfigException refused(String json) {
    return assertThrows(ConfigException.class, () -> ModelFile.fromJson(json, "m.json"));
  }

  @Test
  void theGoodOneLoads() {
    RcaModel m = ModelFile.fromJson(good(), "m.json");
    assertEquals(2, m.features().size());
    // z = squash((2 - 0) / 2) for self_change; ri 0
    assertEquals(RcaModel.squash(1) - 1, m.score(new double[] {0, 2}), 1e-12);
  }

  @Test
  void scaleMustBePositive() {
    for (String scale : new String[] {"[1,0]", "[1,-2]", "[1,0.0]"}) {
      var e = refused(model("1", "[\"ri\",\"self_change\"]", "[0,0]", scale, "[0.5,1]"));
      assertEquals("scale[1]", e.field(), e.getMessage());
      assertTrue(e.getMessage().contains("must be > 0"), e.getMessage());
    }
    // JSON has no NaN; Jackson refuses it unless told, and so must we
    assertTrue(
        refused(model("1", "[\"ri\",\"self_change\"]", "[0,0]", "[1,NaN]", "[0.5,1]"))
            .getMessage()
            .startsWith("m.json: "));
    var e = refused(model("1", "[\"ri\",\"self_change\"]", "[0,0]", "[1,\"2\"]", "[0.5,1]"));
    assertEquals("scale[1]", e.field());
    e = refused(model("1", "[\"ri\",\"self_change\"]", "[0,1e999]", "[1,1]", "[0.5,1]"));
    assertEquals("mean[1]", e.field());
  }

  @Test
  void lengthsMustMatchTheFeatures() {
    var e = refused(model("1", "[\"ri\",\"self_change\"]", "[0]", "[1,1]", "[0.5,1]"));
    assertEquals("mean", e.field());
    assertTrue(e.getMessage().contains("needs 2"), e.getMessage());
    e = refused(model("1", "[\"ri\",\"self_change\"]", "[0,0]", "[1,1,1]", "[0.5,1]"));
    assertEquals("scale", e.field());
    e = refused(model("1", "[\"ri\",\"self_change\"]", "[0,0]", "[1,1]", "[0.5]"));
    assertEquals("weights", e.field());
    e = refused(model("1", "[]", "[]", "[]", "[]"));
    assertEquals("features", e.field());
    e = refused(model("1", "[\"ri\",\"ri\"]", "[0,0]", "[1,1]", "[0.5,1]"));
    assertEquals("features[1]", e.field());
    assertTrue(e.getMessage().contains("twice"));
  }

  @Test
  void versionMustBeOne() {
    for (String v : new String[] {"2", "0", "\"1\"", "1.5", "null"}) {
      var e = refused(model(v, "[\"ri\",\"self_change\"]", "[0,0]", "[1,1]", "[0.5,1]"));
      assertEquals("version", e.field(), v);
    }
  }

  @Test
  void supportVectorsOnlyForGaussianAndBounded() {
    String linearWithSv = good().replace("\"support_vectors\":[]", "\"support_vectors\":[[1,2]]");
    assertEquals("support_vectors", refused(linearWithSv).field());
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= ModelFile.MAX_SUPPORT_VECTORS; i++) {
      many.append(i == 0 ? "" : ",").append("[0,0]");
    }
    String huge =
        good()
            .replace("linear-svm", "gaussian-svm")
            .replace("\"support_vectors\":[]", "\"support_vectors\":" + many + "]");
    var e = refused(huge);
    assertEquals("support_vectors", e.field());
    assertTrue(e.getMessage().contains("at most"), e.getMessage());
    String gaussian =
        good()
            .replace("linear-svm", "gaussian-svm")
            .replace("\"support_vectors\":[]", "\"support_vectors\":[[0,0],[1]]")
            .replace("\"weights\":[0.5,1]", "\"weights\":[1,1]");
    assertEquals("support_vectors[1]", refused(gaussian).field());
  }

  @Test
  void filesThatAreNotJsonTextAreRefusedByName(@TempDir Path dir) throws Exception {
    Path gz = dir.resolve("m.json.gz");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(good().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Files.write(gz, b.toByteArray());
    var e = assertThrows(ConfigException.class, () -> ModelFile.read(gz));
    assertTrue(e.getMessage().startsWith(gz + ": ") && e.getMessage().contains("gzip"));
    Path bin = dir.resolve("m.bin");
    Files.write(bin, new byte[] {'{', (byte) 0xff, (byte) 0xfe, 0, 1});
    e = assertThrows(ConfigException.class, () -> ModelFile.read(bin));
    assertTrue(e.getMessage().contains("binary"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> ModelFile.read(dir));
    assertTrue(e.getMessage().contains("folder"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
