package dev.trimtab.rca.data;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.generate.TypicalFaults;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.SelectorMode;
import dev.trimtab.faults.spec.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One kind of simulated run to cut labelled windows from: an application, its load, and either a
 * fixed campaign or a generated one (one fault of one kind on one service drawn from the seed). A
 * problem of a suite maps onto a scenario with a fixed campaign: {@code new Scenario(p.name(),
 * p.topology(), p.workload(), p.campaign(), null, p.durationS())}.
 *
 * @param name names the runs ({@code name/seed-7})
 * @param campaign the faults, or null when {@code generated} draws them per seed
 * @param generated how to draw one fault per seed, or null
 * @param durationS simulated seconds per run
 */
public record Scenario(
    String name,
    Topology topology,
    Workload workload,
    Campaign campaign,
    Generated generated,
    double durationS) {

  public Scenario {
    if ((campaign == null) == (generated == null)) {
      throw new IllegalArgumentException("a scenario has either a campaign or a generator");
    }
  }

  /**
   * One fault of {@code kind} from {@code startS} for {@code durationS}, on one of {@code services}
   * (empty: every service some other service calls, since a fault on the way into an entry service
   * happens before its trace starts) at a typical intensity {@code U(0.5, 1)} ({@code
   * TypicalFaults}); a partition cuts the target from a random neighbour in the call graph.
   */
  public record Generated(FaultKind kind, double startS, double durationS, List<String> services) {
    public Generated {
      services = List.copyOf(services);
    }
  }

  /** The campaign of the run with {@code seed}. */
  public Campaign campaign(long seed) {
    if (campaign != null) {
      return campaign;
    }
    SplittableRandom rng = new Seeds(seed).stream("rca-scenario");
    List<String> pool =
        generated.services().isEmpty() ? calledServices(topology) : generated.services();
    String target = pool.get(rng.nextInt(pool.size()));
    double u = 0.5 + 0.5 * rng.nextDouble();
    FaultSpec f =
        generated.kind() == FaultKind.PARTITION
            ? new Partition(
                new Target(List.of(target), SelectorMode.ALL, 0),
                generated.startS(),
                generated.durationS(),
                neighbour(topology, target, rng))
            : TypicalFaults.of(
                generated.kind(),
                topology,
                List.of(target),
                generated.startS(),
                generated.durationS(),
                u,
                rng);
    return new Campaign(name + "-" + seed, "generated for " + name, List.of(f));
  }

  /** Services called by another service, in topology order. */
  static List<String> calledServices(Topology t) {
    Set<String> called = new LinkedHashSet<>();
    for (EndpointSpec e : t.endpoints()) {
      walk(e.root(), (caller, callee) -> called.add(callee));
    }
    return t.services().stream().map(s -> s.name()).filter(called::contains).toList();
  }

  private static String neighbour(Topology t, String service, SplittableRandom rng) {
    Set<String> n = new LinkedHashSet<>();
    for (EndpointSpec e : t.endpoints()) {
      walk(
          e.root(),
          (caller, callee) -> {
            if (caller.equals(service) && !callee.equals(service)) {
              n.add(callee);
            } else if (callee.equals(service) && !caller.equals(service)) {
              n.add(caller);
            }
          });
    }
    List<String> list = new ArrayList<>(n);
    if (list.isEmpty()) {
      throw new IllegalArgumentException(service + " calls and is called by no other service");
    }
    return list.get(rng.nextInt(list.size()));
  }

  private interface Edge {
    void accept(String caller, String callee);
  }

  private static void walk(CallNode node, Edge edge) {
    List<CallNode> stack = new ArrayList<>(List.of(node));
    while (!stack.isEmpty()) {
      CallNode n = stack.remove(stack.size() - 1);
      for (CallNode.Step step : n.steps()) {
        for (CallNode c : step.parallel()) {
          edge.accept(n.service(), c.service());
          stack.add(c);
        }
      }
    }
  }
}
