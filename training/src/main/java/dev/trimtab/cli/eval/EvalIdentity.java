package dev.trimtab.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trimtab.cli.output.Json;
import dev.trimtab.faults.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What makes two evaluations the same, so that saved runs are reused only by the evaluation that
 * made them: the suite's name and each problem's fingerprint (a SHA-256 of the problem as loaded:
 * topology, workload, faults, SLOs, duration), the controllers, the seeds, the localizer (and its
 * model file's SHA-256) and the code version. Saved as {@code runs/plan.json}; its {@link #id} is
 * written into every saved run.
 *
 * @param problems each problem's name and fingerprint, in suite order
 */
public record EvalIdentity(
    String suite,
    List<ProblemId> problems,
    List<String> controllers,
    List<Long> seeds,
    String localizer,
    String localizerFingerprint,
    String version) {

  /** A problem's name and the SHA-256 of its loaded form. */
  public record ProblemId(String name, String fingerprint) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public EvalIdentity {
    problems = List.copyOf(problems);
    controllers = List.copyOf(controllers);
    seeds = List.copyOf(seeds);
  }

  /** The identity of {@code plan} run by code of {@code version}. */
  public static EvalIdentity of(EvalPlan plan, String version) {
    List<ProblemId> problems = new ArrayList<>();
    for (Problem p : plan.suite().problems()) {
      problems.add(new ProblemId(p.name(), fingerprint(p)));
    }
    return new EvalIdentity(
        plan.suite().name(),
        problems,
        plan.controllers(),
        plan.seeds(),
        plan.localizer().name(),
        plan.localizer().fingerprint(),
        version);
  }

  /**
   * The SHA-256 of a problem as loaded: its record's text, which spells out every value of its
   * topology, workload, campaign and SLOs (all records, lists and ordered maps), less the path it
   * was read from, so that moving a suite's folder keeps its runs.
   */
  static String fingerprint(Problem p) {
    String text = p.toString().replace("source=" + p.source() + ", ", "");
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The file as {@code plan.json} holds it. */
  public String render() {
    return Json.pretty(
        out -> {
          out.writeStringField("suite", suite);
          out.writeArrayFieldStart("problems");
          for (ProblemId p : problems) {
            out.writeStartObject();
            out.writeStringField("name", p.name());
            out.writeStringField("fingerprint", p.fingerprint());
            out.writeEndObject();
          }
          out.writeEndArray();
          out.writeArrayFieldStart("controllers");
          for (String c : controllers) {
            out.writeString(c);
          }
          out.writeEndArray();
          out.writeArrayFieldStart("seeds");
          for (long s : seeds) {
            out.writeNumber(s);
          }
          out.writeEndArray();
          out.writeStringField("localizer", localizer);
          out.writeStringField("localizer_fingerprint", localizerFingerprint);
          out.writeStringField("trimtab_version", version);
        });
  }

  /** A short id of this identity: the first 16 hex digits of the SHA-256 of {@link #render}. */
  public String id() {
    return sha256(render().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /**
   * Reads a {@code plan.json}.
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static EvalIdentity parse(String text) {
    try {
      JsonNode root = MAPPER.readTree(text);
      List<ProblemId> problems = new ArrayList<>();
      for (JsonNode p : root.withArray("problems")) {
        problems.add(new ProblemId(p.get("name").asText(), p.get("fingerprint").asText()));
      }
      List<String> controllers = new ArrayList<>();
      root.withArray("controllers").forEach(c -> controllers.add(c.asText()));
      List<Long> seeds = new ArrayList<>();
      root.withArray("seeds").forEach(s -> seeds.add(s.asLong()));
      return new EvalIdentity(
          root.get("suite").asText(),
          problems,
          controllers,
          seeds,
          root.get("localizer").asText(),
          root.get("localizer_fingerprint").asText(),
          root.get("trimtab_version").asText());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an evaluation's plan.json (" + e.getMessage() + ")");
    }
  }

  /**
   * How {@code saved} (the identity found in a folder) differs from this one, in words naming both
   * values, or empty when they are the same evaluation.
   */
  public Optional<String> differenceFrom(EvalIdentity saved) {
    if (!suite.equals(saved.suite)) {
      return differs("suite", suite, saved.suite);
    }
    if (!names(problems).equals(names(saved.problems))) {
      return differs("problems", names(problems), names(saved.problems));
    }
    for (int i = 0; i < problems.size(); i++) {
      if (!problems.get(i).fingerprint().equals(saved.problems.get(i).fingerprint())) {
        return Optional.of(
            "problem " + problems.get(i).name() + " has changed since its runs were saved");
      }
    }
    if (!controllers.equals(saved.controllers)) {
      return differs(
          "controllers", String.join(",", controllers), String.join(",", saved.controllers));
    }
    if (!seeds.equals(saved.seeds)) {
      return differs("seeds", join(seeds), join(saved.seeds));
    }
    if (!localizer.equals(saved.localizer)) {
      return differs("localizer", localizer, saved.localizer);
    }
    if (!localizerFingerprint.equals(saved.localizerFingerprint)) {
      return Optional.of("the localizer's model file has changed since the runs were saved");
    }
    if (!version.equals(saved.version)) {
      return differs("trimtab version", version, saved.version);
    }
    return Optional.empty();
  }

  private static Optional<String> differs(String what, Object here, Object there) {
    return Optional.of(what + " " + here + " here, " + there + " in the saved runs");
  }

  private static List<String> names(List<ProblemId> problems) {
    return problems.stream().map(ProblemId::name).toList();
  }

  private static String join(List<Long> seeds) {
    return String.join(",", seeds.stream().map(String::valueOf).toList());
  }

  /** SHA-256 of a file's bytes, in hex. */
  static String sha256(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
