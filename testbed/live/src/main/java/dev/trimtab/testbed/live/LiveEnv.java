package dev.trimtab.testbed.live;

import dev.trimtab.env.api.InfoKey;
import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.api.StepInfo;
import dev.trimtab.env.cluster.Bounds;
import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.cluster.ClusterObserver;
import dev.trimtab.env.cluster.Observation;
import dev.trimtab.env.cluster.ServiceAction;
import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.MultiDiscrete;
import dev.trimtab.env.space.Space;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.faults.live.LiveInjector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The live testbed as a multi-agent environment, with {@link ClusterEnv}'s contract: one agent per
 * service, one step one control interval (of wall-clock time here), the same observation, action,
 * reward and state (both run {@link ClusterObserver}), and the same info keys ({@link
 * ClusterEnv#INTERVAL}, {@link ClusterEnv#SERVICE}). It is also the cluster's {@link
 * ClusterActuator}, so a controller written for the simulator acts on it unchanged.
 *
 * <p>What differs from the simulator is what a real cluster cannot promise: the same seed sends the
 * same requests at the same offsets and draws the same fault targets, but latencies are measured,
 * not replayed, so two episodes are never bit-identical (the env checker's determinism rule does
 * not hold). {@code reset} puts the testbed back as the topology has it; the episode's faults are
 * removed when it ends, on {@code reset} and on {@code close}.
 *
 * @param <A> {@code int[]} for the discrete variant, {@code double[]} for the continuous one
 */
public final class LiveEnv<A> implements ParallelEnv<String, double[], A>, ClusterActuator {
  /** The interval's metrics, the same object in every agent's info (as in ClusterEnv). */
  public static final InfoKey<IntervalMetrics> INTERVAL = ClusterEnv.INTERVAL;

  /** The agent's own service metrics for the interval. */
  public static final InfoKey<ServiceMetrics> SERVICE = ClusterEnv.SERVICE;

  private final Testbed testbed;
  private final LiveEnvConfig config;
  private final List<String> services;
  private final Space<A> actionSpace;
  private final BiFunction<A, Bounds, ServiceAction> decode;
  private final Box observationSpace = Observation.space();
  private final ClusterObserver observer;
  private SplittableRandom episodeSeeds;
  private LiveRun run;
  private LiveInjector faults;
  private SpanRecorder spans;
  private List<String> live = List.of();
  private int steps;
  private long previousArrivals;
  private double[] state;

  private LiveEnv(
      Testbed testbed,
      LiveEnvConfig config,
      Space<A> actionSpace,
      BiFunction<A, Bounds, ServiceAction> decode) {
    this.testbed = testbed;
    this.config = config;
    this.services = config.topology().services().stream().map(ServiceSpec::name).toList();
    this.actionSpace = actionSpace;
    this.decode = decode;
    this.observer =
        new ClusterObserver(config.topology(), config.bounds(), config.reward(), config.carbon());
    if (!LiveProblemRunner.sameServices(testbed.topology(), config.topology())) {
      throw new IllegalArgumentException("the testbed runs another topology than the env's");
    }
  }

  /** Each agent's action is {@code int[4]}, each component 0 (down), 1 (keep) or 2 (up). */
  public static LiveEnv<int[]> discrete(Testbed testbed, LiveEnvConfig config) {
    return new LiveEnv<>(
        testbed, config, new MultiDiscrete(3, 3, 3, 3), ServiceAction::fromDiscrete);
  }

  /** Each agent's action is {@code double[4]} in [-1, 1]: replicas, CPU, memory, GPU level. */
  public static LiveEnv<double[]> continuous(Testbed testbed, LiveEnvConfig config) {
    return new LiveEnv<>(
        testbed, config, Box.of(ServiceAction.SIZE, -1, 1), ServiceAction::fromContinuous);
  }

  public LiveEnvConfig config() {
    return config;
  }

  /** The current episode's faults, for their ground truth; null before reset. */
  public LiveInjector faults() {
    return faults;
  }

  /** The current episode's run so far, as the simulator summarises one; null before reset. */
  public RunSummary summary() {
    return run == null ? null : run.summary();
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
    testbed.reset();
    config.critical().reset();
    spans = config.critical().samplingRate() > 0 ? new SpanRecorder(200_000) : null;
    faults = LiveInjector.attach(testbed, config.campaign(), episodeSeed);
    run = LiveRun.start(testbed, config.topology(), config.workload(), episodeSeed, spans);
    steps = 0;
    previousArrivals = -1;
    live = services;
    double[][] obs = new double[services.size()][];
    Map<String, Reset<double[]>> resets = new LinkedHashMap<>();
    for (int s = 0; s < services.size(); s++) {
      obs[s] = observer.initialObservation(s, testbed);
      resets.put(services.get(s), new Reset<>(obs[s], StepInfo.empty()));
    }
    state = observer.state(obs, null);
    return new ParallelReset<>(resets);
  }

  @Override
  public ParallelStep<String, double[]> step(Map<String, A> actions) {
    if (run == null) {
      throw new IllegalStateException("reset before step");
    }
    if (live.isEmpty()) {
      throw new IllegalStateException("the episode is over; reset to start another");
    }
    List<ServiceAction> decoded = decodeAll(actions);
    for (int s = 0; s < services.size(); s++) {
      observer.apply(s, decoded.get(s), testbed);
    }
    LiveInjector injector = faults;
    IntervalMetrics m = run.runFor(config.intervalMs(), injector::advanceTo);
    injector.observe(m);
    steps++;
    Set<String> critical = config.critical().critical(m, spans == null ? List.of() : spans.drain());
    double[] endpointSm = observer.endpointSlo(m.endpoints());
    double[] serviceSm = observer.serviceSlo(endpointSm);
    boolean truncated = steps >= config.episodeSteps() || run.drained();
    StepInfo shared = StepInfo.of(INTERVAL, m);
    double[][] obs = new double[services.size()][];
    Map<String, Step<double[]>> out = new LinkedHashMap<>();
    for (int s = 0; s < services.size(); s++) {
      ServiceMetrics sm = m.services().get(s);
      obs[s] =
          observer.observe(
              s,
              sm,
              m,
              serviceSm[s],
              critical.contains(services.get(s)),
              previousArrivals,
              testbed);
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

  /** Ends the episode's faults and load; the testbed keeps running. */
  private void endEpisode() {
    RuntimeException first = null;
    if (faults != null) {
      try {
        faults.close();
      } catch (RuntimeException e) {
        first = e;
      }
    }
    if (run != null) {
      run.close();
    }
    if (first != null) {
      throw new IllegalStateException("episode clean-up failed: " + first.getMessage(), first);
    }
  }

  /** Ends the episode; the testbed stays up (its owner closes it). */
  @Override
  public void close() {
    endEpisode();
    live = List.of();
  }

  // ---------------------------------------------------------------- ClusterActuator

  @Override
  public List<String> services() {
    return services;
  }

  @Override
  public int replicas(String service) {
    return testbed.replicas(service);
  }

  @Override
  public double cpuLimitCores(String service) {
    return testbed.cpuLimitCores(service);
  }

  @Override
  public double memoryLimitMiB(String service) {
    return testbed.memoryLimitMiB(service);
  }

  @Override
  public void setReplicas(String service, int replicas) {
    testbed.setReplicas(service, replicas);
  }

  @Override
  public void setCpuLimit(String service, double cpuLimitCores) {
    testbed.setCpuLimit(service, cpuLimitCores);
  }

  @Override
  public void setMemoryLimit(String service, double memoryLimitMiB) {
    testbed.setMemoryLimit(service, memoryLimitMiB);
  }
}
