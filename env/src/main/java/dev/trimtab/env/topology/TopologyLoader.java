package dev.trimtab.env.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.power.GpuDvfsModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,61}[A-Za-z0-9])?");
  private static final String LABEL_TEXT =
      "1 to 63 letters, digits, '.', '_', '/' and '-', starting and ending with a letter or digit";
  private static final List<String> DEMAND_KEYS = List.of("mean", "cv");
  private static final Map<String, ServiceKind> KINDS =
      Map.of("cpu", ServiceKind.CPU, "gpu", ServiceKind.GPU);

  private static final ObjectMapper YAML = newMapper();

  private TopologyLoader() {}

  /** Reads and validates the topology in {@code file}; errors name the file as given. */
  public static Topology load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file.toString(), "", "cannot read the file: " + e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates topology YAML.
   *
   * @param sourceName how errors name the text (a file name, or {@code bundled:NAME})
   */
  public static Topology parse(String yaml, String sourceName) {
    JsonNode tree = readTree(yaml, sourceName);
    YamlField root = new YamlField(sourceName, "", tree);
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw root.error("the file is empty; expected a map with fields " + TOP_KEYS);
    }
    root.requireMap(TOP_KEYS);
    String name = root.required("name").text(DNS_LABEL, DNS_LABEL_TEXT);
    String description = root.optionalText("description", "");
    double hopMs =
        root.optionalNumber("networkHopMs", DEFAULT_NETWORK_HOP_MS, v -> v >= 0, "a number >= 0");
    List<ServiceSpec> services = bindServices(root.required("services"));
    List<EndpointSpec> endpoints =
        new CallTreeBinder(services).bindEndpoints(root.required("endpoints"));
    return new Topology(name, description, hopMs, services, endpoints);
  }

  private static JsonNode readTree(String yaml, String sourceName) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceName, "", "not valid YAML " + syntaxProblem(e));
    }
  }

  /** Where and what, on one line: SnakeYAML's problem and context, else Jackson's message. */
  private static String syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String context =
          m.getContext() == null || m.getContextMark() == null
              ? ""
              : " (" + m.getContext() + " started at " + place(m.getContextMark()) + ")";
      return "at " + place(m.getProblemMark()) + ": " + m.getProblem() + context;
    }
    JsonLocation at = e.getLocation();
    String where =
        at == null ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return where + e.getOriginalMessage().strip().replace('\n', ' ');
  }

  private static String place(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static List<ServiceSpec> bindServices(YamlField list) {
    List<ServiceSpec> services = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (YamlField item : list.elements(1, "services")) {
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
    }
    return services;
  }

  private static ServiceSpec bindService(YamlField s) {
    s.requireMap(SERVICE_KEYS);
    String name = s.required("name").text(DNS_LABEL, DNS_LABEL_TEXT);
    ServiceKind kind = bindKind(s);
    int replicas = s.optionalInteger("replicas", DEFAULT_REPLICAS, 1, "an integer >= 1");
    double cpu = s.required("cpuLimitCores").number(v -> v > 0, "a number of cores > 0");
    double memory = s.required("memoryLimitMiB").number(v -> v > 0, "a number of MiB > 0");
    double workingSet = s.required("workingSetMiB").number(v -> v > 0, "a number of MiB > 0");
    int queueBound = s.optionalInteger("queueBound", DEFAULT_QUEUE_BOUND, 1, "an integer >= 1");
    double timeoutMs =
        s.optionalNumber("timeoutMs", DEFAULT_TIMEOUT_MS, v -> v > 0, "a number of ms > 0");
    double startupMs =
        s.optionalNumber("startupMs", DEFAULT_STARTUP_MS, v -> v >= 0, "a number of ms >= 0");
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
    String profile = profileField.text(Pattern.compile(".+"), "a GPU profile name");
    if (!GpuDvfsModel.profileNames().contains(profile)) {
      throw profileField.error(
          "unknown GPU profile '"
              + profile
              + "'; allowed: "
              + String.join(", ", GpuDvfsModel.profileNames()));
    }
    int devices = g.optionalInteger("devices", 1, 1, "an integer >= 1");
    double maxMHz = GpuDvfsModel.level(GpuDvfsModel.levelCount() - 1);
    double minMHz = GpuDvfsModel.level(0);
    double mhz =
        g.optionalNumber(
            "frequencyMHz",
            maxMHz,
            v -> v >= minMHz && v <= maxMHz,
            "an SM clock in MHz from " + (int) minMHz + " to " + (int) maxMHz);
    double idleW =
        g.optionalNumber(
            "idlePowerW", GpuSpec.DEFAULT_IDLE_POWER_W, v -> v >= 0, "a number of watts >= 0");
    return new GpuSpec(profile, devices, mhz, idleW);
  }

  private static ServiceKind bindKind(YamlField s) {
    String text = s.optionalText("kind", "cpu");
    ServiceKind kind = KINDS.get(text);
    if (kind == null) {
      throw s.required("kind").error("unknown kind '" + text + "'; allowed: cpu, gpu");
    }
    return kind;
  }

  private static List<OperationSpec> bindOperations(YamlField list) {
    Map<String, OperationSpec> byName = new LinkedHashMap<>();
    for (YamlField op : list.elements(1, "operations")) {
      op.requireMap(OPERATION_KEYS);
      YamlField nameField = op.required("name");
      String name = nameField.text(IDENTIFIER, IDENTIFIER_TEXT);
      YamlField demand = op.required("demandCoreMs").requireMap(DEMAND_KEYS);
      double mean = demand.required("mean").number(v -> v > 0, "a number of core-ms > 0");
      double cv = demand.optionalNumber("cv", DEFAULT_DEMAND_CV, v -> v >= 0, "a number >= 0");
      double perPrompt =
          op.optionalNumber("perPromptTokenMs", 0, v -> v >= 0, "a number of ms per token >= 0");
      double perOutput =
          op.optionalNumber("perOutputTokenMs", 0, v -> v >= 0, "a number of ms per token >= 0");
      OperationSpec spec = new OperationSpec(name, new Demand(mean, cv), perPrompt, perOutput);
      if (byName.putIfAbsent(name, spec) != null) {
        throw nameField.error(
            "duplicate operation name '" + name + "'; operation names must be unique in a service");
      }
    }
    return List.copyOf(byName.values());
  }

  private static ObjectMapper newMapper() {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(400);
    options.setAllowDuplicateKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new YAMLMapper(factory);
  }
}
