package dev.trimtab.env.topology;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.config.YamlReader;
import dev.trimtab.env.power.GpuDvfsModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a topology YAML file (format: {@code docs/formats/topology.md}) into a validated {@link
 * Topology}. Every mistake in the file raises a {@link ConfigException} naming the file, the field
 * path and what is allowed; nothing is defaulted except the optional fields whose defaults the
 * format page documents.
 */
public final class TopologyLoader {
  /** Default one-way network latency between services, in milliseconds. */
  public static final double DEFAULT_NETWORK_HOP_MS = 0.1;

  /** Default replica count of a service. */
  public static final int DEFAULT_REPLICAS = 1;

  /** Default requests that may wait per replica. */
  public static final int DEFAULT_QUEUE_BOUND = 1000;

  /** Default time a caller waits for a response, in milliseconds. */
  public static final double DEFAULT_TIMEOUT_MS = 10_000;

  /** Default delay from asking for a replica to its first request, in milliseconds. */
  public static final double DEFAULT_STARTUP_MS = 5_000;

  /** Default coefficient of variation of an operation's CPU demand (exponential). */
  public static final double DEFAULT_DEMAND_CV = 1.0;

  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  static final String DNS_LABEL_TEXT =
      "a name of lowercase letters, digits and '-' (a DNS label, at most 63 characters)";
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  static final String IDENTIFIER_TEXT =
      "a name of letters, digits, '.', '_' and '-' (no '/'), at most 128 characters";

  /** Most services in a topology. */
  public static final int MAX_SERVICES = 10_000;

  /** Most replicas of all services together, at the start. */
  public static final int MAX_TOTAL_REPLICAS = 100_000;

  /** Most operations of one service. */
  public static final int MAX_OPERATIONS = 1_000;

  static final Range QUEUE_BOUND = Range.integers(1, 1_000_000, "an integer");
  static final Range DEMAND_CORE_MS = Range.above(0, 3_600_000, "a number of core-ms");
  static final Range DEMAND_CV = Range.closed(0, 100, "a number");
  static final Range PER_TOKEN_MS = Range.closed(0, 60_000, "a number of ms per token");
  static final Range GPU_DEVICES = Range.integers(1, 64, "an integer");
  static final Range IDLE_POWER_W = Range.closed(0, 10_000, "a number of watts");

  private static final List<String> TOP_KEYS =
      List.of("name", "description", "networkHopMs", "services", "endpoints");
  private static final List<String> SERVICE_KEYS =
      List.of(
          "name",
          "kind",
          "replicas",
          "cpuLimitCores",
          "memoryLimitMiB",
          "workingSetMiB",
          "queueBound",
          "timeoutMs",
          "startupMs",
          "operations",
          "gpu",
          "labels",
          "loadBalancing",
          "cpuSharing");
  private static final List<String> OPERATION_KEYS =
      List.of("name", "demandCoreMs", "perPromptTokenMs", "perOutputTokenMs");
  private static final List<String> GPU_KEYS =
      List.of("profile", "devices", "frequencyMHz", "idlePowerW");

  /** What a label key or value may be (as in Kubernetes, without the prefix rules). */
  public static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?");

  /** {@link #LABEL} in words, for messages. */
  public static final String LABEL_TEXT =
      "1 to 63 letters, digits, '.', '_', '/' and '-', starting and ending with a letter or digit";

  private static final List<String> DEMAND_KEYS = List.of("mean", "cv");
  private static final Map<String, ServiceKind> KINDS =
      Map.of("cpu", ServiceKind.CPU, "gpu", ServiceKind.GPU);

  private TopologyLoader() {}

  /** Reads and validates the topology in {@code file}; errors name the file as given. */
  public static Topology load(Path file) {
    return bind(YamlReader.read(file, file.toString(), "a topology YAML file"));
  }

  /**
   * Parses and validates topology YAML.
   *
   * @param sourceName how errors name the text (a file name, or {@code bundled:NAME})
   */
  public static Topology parse(String yaml, String sourceName) {
    return bind(YamlReader.parse(yaml, sourceName));
  }

  private static Topology bind(YamlField root) {
    root.requireMap(TOP_KEYS);
    String name = root.required("name").text(DNS_LABEL, DNS_LABEL_TEXT);
    String description = root.optionalText("description", "");
    double hopMs = root.optionalNumber("networkHopMs", DEFAULT_NETWORK_HOP_MS, Limits.DELAY_MS);
    List<ServiceSpec> services = bindServices(root.required("services"));
    List<EndpointSpec> endpoints =
        new CallTreeBinder(services).bindEndpoints(root.required("endpoints"));
    return new Topology(name, description, hopMs, services, endpoints);
  }

  private static List<ServiceSpec> bindServices(YamlField list) {
    List<ServiceSpec> services = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    long replicas = 0;
    for (YamlField item : list.elements(1, MAX_SERVICES, "services")) {
      ServiceSpec service = bindService(item);
      String earlier = seen.putIfAbsent(service.name(), item.path());
      if (earlier != null) {
        throw item.required("name")
            .error(
                "duplicate service name '"
                    + service.name()
                    + "' (first at "
                    + earlier
                    + "); service names must be unique");
      }
      services.add(service);
      replicas += service.replicas();
      if (replicas > MAX_TOTAL_REPLICAS) {
        throw item.required("replicas")
            .error(
                "the services so far have "
                    + replicas
                    + " replicas in all; a topology may have at most "
                    + MAX_TOTAL_REPLICAS);
      }
    }
    return services;
  }

  private static ServiceSpec bindService(YamlField s) {
    s.requireMap(SERVICE_KEYS);
    String name = s.required("name").text(DNS_LABEL, DNS_LABEL_TEXT);
    ServiceKind kind = bindKind(s);
    int replicas = s.optionalInteger("replicas", DEFAULT_REPLICAS, Limits.REPLICAS);
    double cpu = s.required("cpuLimitCores").number(Limits.CORES);
    double memory = s.required("memoryLimitMiB").number(Limits.MIB);
    double workingSet = s.required("workingSetMiB").number(Limits.MIB);
    int queueBound = s.optionalInteger("queueBound", DEFAULT_QUEUE_BOUND, QUEUE_BOUND);
    double timeoutMs = s.optionalNumber("timeoutMs", DEFAULT_TIMEOUT_MS, Limits.LATENCY_MS);
    double startupMs = s.optionalNumber("startupMs", DEFAULT_STARTUP_MS, Limits.DELAY_MS);
    List<OperationSpec> operations = bindOperations(s.required("operations"));
    GpuSpec gpu = bindGpu(s, kind);
    Map<String, String> labels = s.optionalStringMap("labels", LABEL, LABEL_TEXT);
    LoadBalancing loadBalancing =
        LoadBalancing.fromYamlName(
            choice(s, "loadBalancing", LoadBalancing.yamlNames(), "load-balancing policy"));
    CpuSharing cpuSharing =
        CpuSharing.fromYamlName(
            choice(s, "cpuSharing", CpuSharing.yamlNames(), "CPU sharing mode"));
    if (kind == ServiceKind.GPU && cpuSharing != CpuSharing.FCFS) {
      throw s.required("cpuSharing")
          .error("a gpu service runs one operation per device; allowed here: fcfs");
    }
    return new ServiceSpec(
        name,
        kind,
        replicas,
        cpu,
        memory,
        workingSet,
        queueBound,
        timeoutMs,
        startupMs,
        operations,
        gpu,
        labels,
        loadBalancing,
        cpuSharing);
  }

  /** The value of an optional field that names one of {@code allowed}; the first is its default. */
  private static String choice(YamlField s, String key, List<String> allowed, String what) {
    String text = s.optionalText(key, allowed.get(0));
    if (!allowed.contains(text)) {
      throw s.required(key)
          .error("unknown " + what + " '" + text + "'; allowed: " + String.join(", ", allowed));
    }
    return text;
  }

  private static GpuSpec bindGpu(YamlField s, ServiceKind kind) {
    if (kind != ServiceKind.GPU) {
      if (s.has("gpu")) {
        throw s.required("gpu").error("allowed only on services of kind gpu");
      }
      return null;
    }
    YamlField g = s.required("gpu").requireMap(GPU_KEYS);
    YamlField profileField = g.required("profile");
    String profile = profileField.choice(GpuDvfsModel.profileNames());
    int devices = g.optionalInteger("devices", 1, GPU_DEVICES);
    double maxMHz = GpuDvfsModel.level(GpuDvfsModel.levelCount() - 1);
    double minMHz = GpuDvfsModel.level(0);
    double mhz =
        g.optionalNumber(
            "frequencyMHz", maxMHz, Range.closed(minMHz, maxMHz, "an SM clock in MHz"));
    double idleW = g.optionalNumber("idlePowerW", GpuSpec.DEFAULT_IDLE_POWER_W, IDLE_POWER_W);
    return new GpuSpec(profile, devices, mhz, idleW);
  }

  private static ServiceKind bindKind(YamlField s) {
    return KINDS.get(s.optionalChoice("kind", List.of("cpu", "gpu"), "cpu"));
  }

  private static List<OperationSpec> bindOperations(YamlField list) {
    Map<String, OperationSpec> byName = new LinkedHashMap<>();
    for (YamlField op : list.elements(1, MAX_OPERATIONS, "operations")) {
      op.requireMap(OPERATION_KEYS);
      YamlField nameField = op.required("name");
      String name = nameField.text(IDENTIFIER, IDENTIFIER_TEXT);
      YamlField demand = op.required("demandCoreMs").requireMap(DEMAND_KEYS);
      double mean = demand.required("mean").number(DEMAND_CORE_MS);
      double cv = demand.optionalNumber("cv", DEFAULT_DEMAND_CV, DEMAND_CV);
      double perPrompt = op.optionalNumber("perPromptTokenMs", 0, PER_TOKEN_MS);
      double perOutput = op.optionalNumber("perOutputTokenMs", 0, PER_TOKEN_MS);
      OperationSpec spec = new OperationSpec(name, new Demand(mean, cv), perPrompt, perOutput);
      if (byName.putIfAbsent(name, spec) != null) {
        throw nameField.error(
            "duplicate operation name '" + name + "'; operation names must be unique in a service");
      }
    }
    return List.copyOf(byName.values());
  }
}
