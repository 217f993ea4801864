package dev.trimtab.cli;

import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.ServiceFault;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trimtab problems list|show}: what the suites hold. */
@Command(
    name = "problems",
    description = {"List the problems of the bundled suites (or a folder), or show one.", ""},
    subcommands = {ProblemsCommand.ListProblems.class, ProblemsCommand.ShowProblem.class})
final class ProblemsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: list or show");
  }

  static List<Suite> suites(String suite) {
    if (suite != null) {
      return List.of(Inputs.suite(suite));
    }
    return Suites.bundledNames().stream().map(Suites::resolve).toList();
  }

  @Command(
      name = "list",
      description = "One line per problem: suite, name, task, topology, faults.")
  static final class ListProblems implements Runnable {
    @Spec CommandSpec spec;

    @Option(
        names = "--suite",
        paramLabel = "NAME|DIR",
        description = "A bundled suite or a folder (default: every bundled suite).")
    String suite;

    @Override
    public void run() {
      TextTable t = new TextTable("suite", "problem", "task", "topology", "duration_s", "faults");
      for (Suite s : suites(suite)) {
        for (Problem p : s.problems()) {
          String kinds =
              p.campaign().faults().stream()
                  .map(f -> f.kind().yamlName())
                  .collect(Collectors.joining(","));
          t.row(
              s.name(),
              p.name(),
              p.task().yamlName(),
              p.topology().name(),
              Numbers.compact(p.durationS()),
              kinds.isEmpty() ? "none" : kinds);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(t.render());
      out.flush();
    }
  }

  @Command(name = "show", description = "Everything about one problem.")
  static final class ShowProblem implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The problem's name.")
    String name;

    @Option(
        names = "--suite",
        paramLabel = "NAME|DIR",
        description = "Where to look (default: every bundled suite).")
    String suite;

    @Override
    public void run() {
      List<String> known = new ArrayList<>();
      for (Suite s : suites(suite)) {
        Problem p = s.problem(name);
        if (p != null) {
          PrintWriter out = spec.commandLine().getOut();
          out.print(describe(s, p));
          out.flush();
          return;
        }
        s.problems().forEach(q -> known.add(q.name()));
      }
      throw new ConfigException(
          suite == null ? "bundled suites" : suite,
          "",
          "no problem '" + name + "'; known: " + String.join(", ", known));
    }
  }

  static String describe(Suite suite, Problem p) {
    StringBuilder out = new StringBuilder();
    out.append(p.name()).append(" (").append(suite.name()).append(")\n");
    out.append("  ").append(p.description()).append('\n');
    out.append("  source:    ").append(p.source()).append('\n');
    out.append("  task:      ").append(p.task().yamlName()).append('\n');
    out.append("  topology:  ").append(p.topologyRef()).append('\n');
    out.append("  workload:  ")
        .append(p.workloadRef())
        .append(" (")
        .append(p.workload().describe())
        .append(")\n");
    out.append("  duration:  ").append(Numbers.compact(p.durationS())).append(" s, interval ");
    out.append(Numbers.compact(p.intervalS())).append(" s\n");
    for (Map.Entry<String, Slo> e : p.sloOverrides().entrySet()) {
      out.append("  slo:       ")
          .append(e.getKey())
          .append(" p")
          .append(Numbers.compact(e.getValue().percentile()))
          .append(" < ")
          .append(Numbers.compact(e.getValue().latencyMs()))
          .append(" ms\n");
    }
    out.append("  campaign:  ").append(p.campaign().name()).append('\n');
    for (FaultSpec f : p.campaign().faults()) {
      out.append("    ")
          .append(f.kind().yamlName())
          .append(" at ")
          .append(Numbers.compact(f.startS()))
          .append("-")
          .append(Numbers.compact(f.endS()))
          .append(" s");
      if (f instanceof ServiceFault sf) {
        out.append(" on ")
            .append(sf.target().mode().yamlName())
            .append(" of ")
            .append(sf.target().services());
      }
      out.append(", intensity ").append(Numbers.compact(f.intensity())).append('\n');
    }
    return out.toString();
  }
}
