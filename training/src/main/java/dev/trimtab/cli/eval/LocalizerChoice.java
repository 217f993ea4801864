package dev.trimtab.cli.eval;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.faults.score.LatencyLocalizer;
import dev.trimtab.faults.score.Localizer;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.online.RcaLocalizer;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Which localization contestant an evaluation runs: its name for the leaderboard and a fresh
 * instance for every run (localizers keep per-run state, so runs on different threads never share
 * one).
 *
 * @param fingerprint what the contestant is made from (the SHA-256 of a model file), empty when its
 *     name says it all; a resumed evaluation must have the same
 * @param spanSampling share of requests whose spans it reads (0 for none)
 */
public record LocalizerChoice(
    String name, Supplier<Localizer> factory, String fingerprint, double spanSampling) {

  /** A contestant that reads no spans and whose name says what it is. */
  public LocalizerChoice(String name, Supplier<Localizer> factory) {
    this(name, factory, "", 0);
  }

  /** Share of requests traced for the SVM analyser: enough spans per interval for its features. */
  public static final double RCA_SAMPLING = 0.5;

  /** The metrics-only baseline: the service whose latency rose most. */
  public static LocalizerChoice latency() {
    return new LocalizerChoice(new LatencyLocalizer().name(), LatencyLocalizer::new);
  }

  /**
   * {@code latency} or {@code rca:MODEL}, where MODEL is a model file from {@code trimtab rca
   * train}, resolved against {@code workingDir}.
   *
   * @throws IllegalArgumentException naming what is allowed, for anything else
   * @throws ConfigException when the model file cannot be read or is not a model
   */
  public static LocalizerChoice parse(String spec, Path workingDir) {
    if (spec.equals("latency")) {
      return latency();
    }
    if (spec.startsWith("rca:") && spec.length() > 4) {
      Path file = workingDir.resolve(spec.substring(4)).toAbsolutePath().normalize();
      RcaModel model = ModelFile.read(file);
      String name = new RcaLocalizer(model, RCA_SAMPLING).name() + " (" + file.getFileName() + ")";
      return new LocalizerChoice(
          name,
          () -> new RcaLocalizer(model, RCA_SAMPLING),
          EvalIdentity.sha256(file),
          RCA_SAMPLING);
    }
    throw new IllegalArgumentException(
        "unknown localizer '" + spec + "'; allowed: latency, rca:MODEL (a file from rca train)");
  }
}
