package dev.trimtab.cli;

import dev.trimtab.cli.output.Json;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.SimulatedInjector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trimtab inject}: a {@code sim} run with a fault campaign applied, plus its labels. */
@Command(
    name = "inject",
    sortOptions = false,
    description = {
      "Run the simulated cluster with a fault campaign (docs/formats/faults.md) and write the"
          + " sim run files plus ground-truth.json, the faults as injected (services resolved).",
      ""
    })
final class InjectCommand implements Callable<Integer> {
  static final String GROUND_TRUTH_FILE = "ground-truth.json";

  @Spec CommandSpec spec;

  @Option(names = "--faults", required = true, paramLabel = "FILE", description = "Campaign file.")
  Path faults;

  @Mixin RunOptions run;

  @Override
  public Integer call() throws IOException {
    Inputs.notBlank("--faults", faults.toString(), "a fault campaign file");
    Campaign campaign = CampaignLoader.load(Inputs.workingDir().resolve(faults));
    SimRun.Plan plan = run.plan();
    checkFits(campaign, plan);
    Path dir = run.runFolder();
    List<List<GroundTruth>> truth = new ArrayList<>(1);
    SimRun.Result result =
        SimRun.execute(
            plan,
            run.config("inject", plan),
            dir,
            run.quiet,
            sim -> {
              SimulatedInjector injector = attach(sim, campaign);
              truth.add(injector.groundTruth());
              return SimRun.Attachment.of(injector::observe, injector::close);
            });
    List<GroundTruth> faultsInjected = truth.get(0);
    AtomicFile.write(dir.resolve(GROUND_TRUTH_FILE), groundTruthJson(campaign, faultsInjected));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.report());
    stdout.println("faults: " + faultsInjected.size() + " from campaign " + campaign.name());
    stdout.println("run files: " + dir);
    stdout.flush();
    return TrimtabCli.OK;
  }

  /**
   * The campaign fits the run, checked before anything is written: every fault ends within
   * --duration (the rule problem files follow) and its targets exist in the topology.
   */
  private void checkFits(Campaign campaign, SimRun.Plan plan) {
    int past = campaign.firstFaultPast(plan.duration().seconds());
    if (past >= 0) {
      throw new ConfigException(
          faults.toString(),
          "faults[" + past + "]",
          "ends at "
              + Numbers.compact(campaign.faults().get(past).endS())
              + " s, after --duration "
              + plan.duration()
              + "; faults must end within the run");
    }
    Simulation dry = Simulation.create(plan.topology(), plan.workload(), run.seed);
    attach(dry, campaign).close();
  }

  private SimulatedInjector attach(Simulation sim, Campaign campaign) {
    try {
      return SimulatedInjector.attach(sim, campaign, run.seed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(faults.toString(), "", e.getMessage());
    }
  }

  /** The injected faults, services resolved, times in simulated seconds. */
  static String groundTruthJson(Campaign campaign, List<GroundTruth> truth) {
    return Json.pretty(
        out -> {
          out.writeStringField("campaign", campaign.name());
          out.writeArrayFieldStart("faults");
          for (GroundTruth t : truth) {
            out.writeStartObject();
            out.writeNumberField("index", t.faultIndex());
            out.writeStringField("kind", t.kind().yamlName());
            out.writeArrayFieldStart("services");
            for (String s : t.services()) {
              out.writeString(s);
            }
            out.writeEndArray();
            Json.compact(out, "start_s", t.startMs() / 1000);
            Json.compact(out, "end_s", t.endMs() / 1000);
            Json.compact(out, "intensity", t.intensity());
            out.writeEndObject();
          }
          out.writeEndArray();
        });
  }
}
