package dev.trimtab.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.IntervalSample;
import dev.trimtab.faults.score.MitigationScore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved runs read back to the same values, bit for bit; problem fingerprints are stable. */
class EvalRunJsonTest {
  @TempDir Path dir;

  @Test
  void everyRunOfASuiteReadsBackEqual() throws IOException {
    Suite suite = Suites.resolve(EvaluationTest.tinySuite(dir).toString());
    EvalPlan plan = new EvalPlan(suite, List.of("static", "scale-out"), List.of(1L, 2L), 2);
    List<EvalRun> runs = Evaluation.run(plan, EvaluationTest.REGISTRY, () -> {});
    for (EvalRun run : runs) {
      String text = EvalRunJson.render(run, "plan-id");
      EvalRun back = EvalRunJson.parse(text, suite.problem(run.problem()));
      assertEquals(run, back, run.key().toString());
      assertEquals(text, EvalRunJson.render(back, "plan-id"));
      assertEquals("plan-id", EvalRunJson.header(text).plan());
    }
  }

  /** Values that a decimal round trip could change, and the non-finite ones JSON lacks. */
  @Test
  void awkwardNumbersSurviveExactly() throws IOException {
    Suite suite = Suites.resolve(EvaluationTest.tinySuite(dir).toString());
    Problem hog = suite.problem("a-hog");
    double[] awkward = {
      0.1 + 0.2, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, Math.PI, Double.NaN
    };
    List<IntervalSample> samples =
        java.util.Arrays.stream(awkward)
            .mapToObj(
                x -> new IntervalSample(x, x, true, x, x, 3, x, false, List.of("geo", "rate")))
            .toList();
    EvalRun run =
        new EvalRun(
            "a-hog",
            "static",
            Long.MIN_VALUE,
            samples,
            List.of(),
            new DetectionScore(false, true, Double.NaN, Double.POSITIVE_INFINITY),
            null,
            new MitigationScore(
                Double.NEGATIVE_INFINITY, Double.NaN, 0.1 + 0.2, -0.0, 1e308, 4.9e-324, 7));
    EvalRun back = EvalRunJson.parse(EvalRunJson.render(run, "p"), hog);
    assertEquals(run, back);
    for (int i = 0; i < awkward.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(awkward[i]),
          Double.doubleToRawLongBits(back.samples().get(i).p99Ms()),
          "bits of " + awkward[i]);
    }
  }

  @Test
  void textThatIsNotASavedRunSaysWhy() throws IOException {
    Problem hog = Suites.resolve(EvaluationTest.tinySuite(dir).toString()).problem("a-hog");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> EvalRunJson.parse("[1, 2", hog))
            .getMessage()
            .startsWith("not JSON"));
    assertEquals(
        "format 'v0', expected 'trimtab-eval-run/1'",
        assertThrows(
                IllegalArgumentException.class, () -> EvalRunJson.parse("{\"format\":\"v0\"}", hog))
            .getMessage());
    assertEquals(
        "no field 'plan'",
        assertThrows(
                IllegalArgumentException.class,
                () -> EvalRunJson.parse("{\"format\":\"trimtab-eval-run/1\"}", hog))
            .getMessage());
  }

  /**
   * A fingerprint is the text of the loaded problem: loading a suite again gives the same ones, and
   * no part of the text is an object's identity (which would differ on every load).
   */
  @Test
  void problemFingerprintsAreStableAcrossLoads() {
    Pattern identity = Pattern.compile("@[0-9a-f]{5,}");
    for (String name : Suites.bundledNames()) {
      List<Problem> first = Suites.resolve(name).problems();
      List<Problem> second = Suites.resolve(name).problems();
      for (int i = 0; i < first.size(); i++) {
        assertEquals(
            EvalIdentity.fingerprint(first.get(i)),
            EvalIdentity.fingerprint(second.get(i)),
            first.get(i).name());
        assertFalse(identity.matcher(first.get(i).toString()).find(), first.get(i).name());
      }
    }
  }
}
