package dev.trimtab.rca.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.eval.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RcaTrainerTest {
  static final List<LabelledWindow> TRAIN = Synthetic.windows(60, 1);
  static final List<LabelledWindow> TEST = Synthetic.windows(40, 2);

  /** On windows the culprit clearly stands out in, every kind finds it first, unlike chance. */
  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void everyKindRanksTheCulpritFirst(ModelKind kind) {
    RcaModel m = RcaTrainer.fit(TRAIN, TrainOptions.defaults(kind, 7));
    Evaluation e = Evaluation.of(m, TEST);
    assertEquals(1.0, e.all().top1(), kind.id());
    assertTrue(e.all().recall() > 0.8, "recall " + e.all().recall());
  }

  @Test
  void sameDataAndSeedGiveTheSameModel() {
    RcaModel a = RcaTrainer.fit(TRAIN, TrainOptions.defaults(ModelKind.GAUSSIAN_SVM, 3));
    RcaModel b = RcaTrainer.fit(TRAIN, TrainOptions.defaults(ModelKind.GAUSSIAN_SVM, 3));
    assertEquals(ModelFile.toJson(a), ModelFile.toJson(b));
  }

  @Test
  void refusesWindowsWithoutCulprits() {
    var clean =
        TRAIN.stream()
            .map(
                w ->
                    new LabelledWindow(
                        w.run(),
                        w.topology(),
                        "none",
                        0,
                        5,
                        java.util.Set.of(),
                        w.window(),
                        w.reference()))
            .toList();
    assertThrows(
        IllegalArgumentException.class,
        () -> RcaTrainer.fit(clean, TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)));
  }

  /** Saved and read back, every kind scores bit for bit as before. */
  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void modelFileRoundTrip(ModelKind kind, @TempDir Path dir) throws Exception {
    RcaModel m = RcaTrainer.fit(TRAIN, TrainOptions.defaults(kind, 5));
    Path f = dir.resolve("m.json");
    ModelFile.write(m, f);
    RcaModel back = ModelFile.read(f);
    assertEquals(ModelFile.toJson(m), ModelFile.toJson(back));
    for (LabelledWindow w : TEST) {
      Ranking a = m.rank(w.window(), w.reference());
      Ranking b = back.rank(w.window(), w.reference());
      assertEquals(a.services(), b.services());
      assertEquals(java.util.Arrays.toString(a.scores()), java.util.Arrays.toString(b.scores()));
    }
    assertTrue(Files.readString(f).contains("\"version\" : 1"));
  }

  @Test
  void badModelFilesNameTheField() {
    var e =
        assertThrows(ConfigException.class, () -> ModelFile.fromJson("{\"format\":\"x\"}", "m"));
    assertEquals("format", e.field());
    e =
        assertThrows(
            ConfigException.class,
            () -> ModelFile.fromJson("{\"format\":\"trimtab-rca-model\",\"version\":2}", "m"));
    assertEquals("version", e.field());
    String good =
        ModelFile.toJson(RcaTrainer.fit(TRAIN, TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)));
    e =
        assertThrows(
            ConfigException.class, () -> ModelFile.fromJson(good.replace("\"ri\"", "\"rx\""), "m"));
    assertEquals("features[0]", e.field());
    assertThrows(ConfigException.class, () -> ModelFile.fromJson("not json", "m"));
  }

  /** Incremental training continues from a saved model and keeps its standardisation. */
  @Test
  void incrementalModelKeepsLearning() {
    TrainOptions o = TrainOptions.defaults(ModelKind.INCREMENTAL, 1);
    RcaModel m = RcaTrainer.fit(TRAIN.subList(0, 10), o);
    long steps = Long.parseLong(m.training().get("steps"));
    double[][] x = {{0, 0, 0, 0, 0, 0}};
    RcaModel more = IncrementalSvm.resume(m, o).updateRaw(x, new int[] {-1}, 3).model(m.training());
    assertEquals(steps + 3, Long.parseLong(more.training().get("steps")));
    assertEquals(java.util.Arrays.toString(m.mean()), java.util.Arrays.toString(more.mean()));
  }
}
