package dev.trimtab.env.cluster;

import dev.trimtab.env.api.InfoKey;
import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.api.StepInfo;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.MultiDiscrete;
import dev.trimtab.env.space.Space;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The simulated cluster as a multi-agent environment: one agent per service, named after it, each
 * step one control interval of simulated time (FIRM's and the multi-agent autoscalers' setting).
 *
 * <p>Each agent observes its service ({@link Observation} lists the components and scales) and
 * sets, within {@link Bounds}, its replicas, per-replica CPU and memory limits and, on GPU
 * services, the GPU clock level. Actions come in two variants with the same meaning: {@link
 * #discrete} (each of the four components 0 = down, 1 = keep, 2 = up) and {@link #continuous} (four
 * numbers in [-1, 1]; see {@link ServiceAction#fromContinuous}). Actions of a step apply at its
 * start; the step then runs one interval and observes it.
 *
 * <p>Reward per agent ({@link RewardConfig}): {@code alpha · SM + (1 − alpha) · U − energy and
 * carbon terms}, where SM is the SLO maintenance ratio of the endpoints that reach the service and
 * U its utilisation (CPU and memory, or GPU and memory on GPU services, each clipped to 1,
 * averaged).
 *
 * <p>Episodes never terminate (a cluster has no terminal state); they are truncated after {@link
 * ClusterEnvConfig#episodeSteps} steps or when the workload has no more arrivals. All agents are
 * live for the whole episode and leave together at its end. {@link #state()} is every service's
 * observation in topology order followed by each endpoint's SLO maintenance ratio.
 *
 * <p>{@code reset(seed)} builds a fresh simulation seeded from {@code seed}; {@code reset()} starts
 * the next episode from the same seed stream. Not thread-safe: one env per thread.
 *
 * @param <A> {@code int[]} for the discrete variant, {@code double[]} for the continuous one
 */
public final class ClusterEnv<A> implements ParallelEnv<String, double[], A> {

  /** The interval's metrics, the same object in every agent's info. */
  public static final InfoKey<IntervalMetrics> INTERVAL = InfoKey.named("interval");

  /** The agent's own service metrics for the interval. */
  public static final InfoKey<ServiceMetrics> SERVICE = InfoKey.named("service");

  private final ClusterEnvConfig config;
  private final Topology topology;
  private final List<String> services;
  private final Space<A> actionSpace;
  private final BiFunction<A, Bounds, ServiceAction> decode;
  private final Box observationSpace = Observation.space();
  private final ClusterObserver observer;

  private SplittableRandom episodeSeeds;
  private Simulation sim;
  private AutoCloseable episodeResources;
  private SpanRecorder spans;
  private List<String> live = List.of();
  private int steps;
  private long previousArrivals;
  private double[] state;

  private ClusterEnv(
      ClusterEnvConfig config, Space<A> actionSpace, BiFunction<A, Bounds, ServiceAction> decode) {
    this.config = config;
    this.topology = config.topology();
    this.services = topology.services().stream().map(ServiceSpec::name).toList();
    this.actionSpace = actionSpace;
    this.decode = decode;
    this.observer =
        new ClusterObserver(topology, config.bounds(), config.reward(), config.carbon());
  }

  /** Each agent's action is {@code int[4]}, each component 0 (down), 1 (keep) or 2 (up). */
  public static ClusterEnv<int[]> discrete(ClusterEnvConfig config) {
    return new ClusterEnv<>(
        config,
        new MultiDiscrete(3, 3, 3, 3),
        (a, bounds) -> ServiceAction.fromDiscrete(a, bounds));
  }

  /** Each agent's action is {@code double[4]} in [-1, 1]: replicas, CPU, memory, GPU level. */
  public static ClusterEnv<double[]> continuous(ClusterEnvConfig config) {
    return new ClusterEnv<>(
        config,
        Box.of(ServiceAction.SIZE, -1, 1),
        (a, bounds) -> ServiceAction.fromContinuous(a, bounds));
  }

  public ClusterEnvConfig config() {
    return config;
  }

  /** The current episode's simulation, for inspection and for perturbations; null before reset. */
  public Simulation simulation() {
    return sim;
  }

  @Override
  public List<String> possibleAgents() {
    return services;
  }

  @Override
  public List<String> agents() {
    return live;
  }

  @Override
  public ParallelReset<String, double[]> reset(long seed) {
    episodeSeeds = new SplittableRandom(seed);
    return startEpisode();
  }

  @Override
  public ParallelReset<String, double[]> reset() {
    if (episodeSeeds == null) {
      throw new IllegalStateException("reset(seed) first: episodes are never seeded from a clock");
    }
    return startEpisode();
  }

  private ParallelReset<String, double[]> startEpisode() {
    endEpisode();
    long episodeSeed = episodeSeeds.nextLong();
    sim = Simulation.create(topology, config.workload(), episodeSeed);
    sim.setCarbonIntensity(config.carbon());
    config.critical().reset();
    if (config.critical().samplingRate() > 0) {
      spans = new SpanRecorder(200_000);
      sim.traceTo(spans, config.critical().samplingRate());
    }
    try {
      episodeResources = config.setup().prepare(sim, episodeSeed);
    } catch (Exception e) {
      throw new IllegalStateException("episode setup failed: " + e.getMessage(), e);
    }
    steps = 0;
    previousArrivals = -1;
    live = services;
    double[][] obs = new double[services.size()][];
    for (int s = 0; s < services.size(); s++) {
      obs[s] = observer.initialObservation(s, sim);
    }
    state = observer.state(obs, null);
    Map<String, Reset<double[]>> resets = new LinkedHashMap<>();
    for (int s = 0; s < services.size(); s++) {
      resets.put(services.get(s), new Reset<>(obs[s], StepInfo.empty()));
    }
    return new ParallelReset<>(resets);
  }

  @Override
  public ParallelStep<String, double[]> step(Map<String, A> actions) {
    if (sim == null) {
      throw new IllegalStateException("reset before step");
    }
    if (live.isEmpty()) {
      throw new IllegalStateException("the episode is over; reset to start another");
    }
    List<ServiceAction> decoded = decodeAll(actions);
    for (int s = 0; s < services.size(); s++) {
      observer.apply(s, decoded.get(s), sim);
    }
    IntervalMetrics m = sim.runFor(config.intervalMs());
    steps++;
    Set<String> critical = config.critical().critical(m, spans == null ? List.of() : spans.drain());
    double[] endpointSm = observer.endpointSlo(m.endpoints());
    double[] serviceSm = observer.serviceSlo(endpointSm);
    boolean truncated = steps >= config.episodeSteps() || sim.drained();
    StepInfo shared = StepInfo.of(INTERVAL, m);
    double[][] obs = new double[services.size()][];
    Map<String, Step<double[]>> out = new LinkedHashMap<>();
    for (int s = 0; s < services.size(); s++) {
      ServiceMetrics sm = m.services().get(s);
      obs[s] =
          observer.observe(
              s, sm, m, serviceSm[s], critical.contains(services.get(s)), previousArrivals, sim);
      double reward = observer.reward(s, sm, serviceSm[s]);
      out.put(
          services.get(s), new Step<>(obs[s], reward, false, truncated, shared.with(SERVICE, sm)));
    }
    previousArrivals = m.arrived();
    state = observer.state(obs, endpointSm);
    if (truncated) {
      live = List.of();
      endEpisode();
    }
    return new ParallelStep<>(out);
  }

  private List<ServiceAction> decodeAll(Map<String, A> actions) {
    if (!actions.keySet().equals(Set.copyOf(live))) {
      throw new IllegalArgumentException(
          "need exactly one action per live agent " + live + "; got " + actions.keySet());
    }
    List<ServiceAction> decoded = new ArrayList<>(services.size());
    for (String service : services) {
      A a = actions.get(service);
      if (!actionSpace.contains(a)) {
        throw new IllegalArgumentException(
            "action of " + service + " is outside its space " + actionSpace);
      }
      decoded.add(decode.apply(a, config.bounds()));
    }
    return decoded;
  }

  @Override
  public Space<double[]> observationSpace(String agent) {
    requireAgent(agent);
    return observationSpace;
  }

  @Override
  public Space<A> actionSpace(String agent) {
    requireAgent(agent);
    return actionSpace;
  }

  private void requireAgent(String agent) {
    if (!services.contains(agent)) {
      throw new IllegalArgumentException("no agent '" + agent + "'; agents: " + services);
    }
  }

  @Override
  public double[] state() {
    if (state == null) {
      throw new IllegalStateException("reset before state");
    }
    return state.clone();
  }

  @Override
  public Box stateSpace() {
    return observer.stateSpace();
  }

  /** Removes the episode's faults and other set-up; the simulation stays readable. */
  private void endEpisode() {
    if (episodeResources != null) {
      AutoCloseable resources = episodeResources;
      episodeResources = null;
      try {
        resources.close();
      } catch (Exception e) {
        throw new IllegalStateException("episode clean-up failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    endEpisode();
    live = List.of();
  }
}
