package dev.trimtab.testbed.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.GpuSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import java.io.UncheckedIOException;

/**
 * Writes a {@link Topology} back as a topology file (docs/formats/topology.md) that {@code
 * TopologyLoader} reads into an equal record: how the testbed hands any topology, a bundled one or
 * one with a problem's SLO overrides, to its service processes, and how calibration writes the
 * measured demands. Every field is written, defaults included, so the file says exactly what ran.
 */
public final class TopologyYaml {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private TopologyYaml() {}

  public static String write(Topology t) {
    ObjectNode root = JSON.objectNode();
    root.put("name", t.name());
    if (!t.description().isEmpty()) {
      root.put("description", t.description());
    }
    root.put("networkHopMs", t.networkHopMs());
    ArrayNode services = root.putArray("services");
    for (ServiceSpec s : t.services()) {
      services.add(service(s));
    }
    ArrayNode endpoints = root.putArray("endpoints");
    for (EndpointSpec e : t.endpoints()) {
      ObjectNode n = endpoints.addObject();
      n.put("name", e.name());
      n.put("weight", e.weight());
      ObjectNode slo = n.putObject("slo");
      slo.put("percentile", e.slo().percentile());
      slo.put("latencyMs", e.slo().latencyMs());
      n.set("root", call(e.root()));
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode service(ServiceSpec s) {
    ObjectNode n = JSON.objectNode();
    n.put("name", s.name());
    n.put("kind", s.kind() == ServiceKind.GPU ? "gpu" : "cpu");
    n.put("replicas", s.replicas());
    n.put("cpuLimitCores", s.cpuLimitCores());
    n.put("memoryLimitMiB", s.memoryLimitMiB());
    n.put("workingSetMiB", s.workingSetMiB());
    n.put("queueBound", s.queueBound());
    n.put("timeoutMs", s.timeoutMs());
    n.put("startupMs", s.startupMs());
    ArrayNode ops = n.putArray("operations");
    for (OperationSpec op : s.operations()) {
      ObjectNode o = ops.addObject();
      o.put("name", op.name());
      ObjectNode d = o.putObject("demandCoreMs");
      d.put("mean", op.demandCoreMs().meanMs());
      d.put("cv", op.demandCoreMs().cv());
      if (op.perPromptTokenMs() > 0) {
        o.put("perPromptTokenMs", op.perPromptTokenMs());
      }
      if (op.perOutputTokenMs() > 0) {
        o.put("perOutputTokenMs", op.perOutputTokenMs());
      }
    }
    if (s.gpu() != null) {
      GpuSpec g = s.gpu();
      ObjectNode gpu = n.putObject("gpu");
      gpu.put("profile", g.profile());
      gpu.put("devices", g.devices());
      gpu.put("frequencyMHz", g.frequencyMHz());
      gpu.put("idlePowerW", g.idlePowerW());
    }
    if (!s.labels().isEmpty()) {
      ObjectNode labels = n.putObject("labels");
      s.labels().forEach(labels::put);
    }
    return n;
  }

  private static ObjectNode call(CallNode c) {
    ObjectNode n = JSON.objectNode();
    n.put("call", c.service() + "/" + c.operation());
    if (c.probability() != 1.0) {
      n.put("probability", c.probability());
    }
    if (!c.steps().isEmpty()) {
      ArrayNode steps = n.putArray("steps");
      for (CallNode.Step step : c.steps()) {
        if (step.parallel().size() == 1) {
          steps.add(call(step.parallel().get(0)));
        } else {
          ArrayNode parallel = steps.addObject().putArray("parallel");
          for (CallNode child : step.parallel()) {
            parallel.add(call(child));
          }
        }
      }
    }
    return n;
  }
}
