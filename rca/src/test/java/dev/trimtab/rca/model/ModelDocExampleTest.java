package dev.trimtab.rca.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The complete example of docs/formats/rca-model.md loads and scores as the page says. */
class ModelDocExampleTest {
  @Test
  void docExampleLoads() throws Exception {
    String page = Files.readString(Path.of("../docs/formats/rca-model.md"));
    int start = page.indexOf("```json\n") + 8;
    String json = page.substring(start, page.indexOf("```", start));
    RcaModel m = ModelFile.fromJson(json, "rca-model.md");
    assertEquals(ModelKind.LINEAR_SVM, m.kind());
    // the page's worked example: ri 0.9 and self_change 2 score about 1.185

    double expected = 0.5 * RcaModel.squash(0.9) + RcaModel.squash(2) - 1;
    assertEquals(expected, m.score(new double[] {0.9, 0, 2, 0, 0, 0, 0}), 1e-12);
    assertEquals(1.185, expected, 0.001);
  }
}
