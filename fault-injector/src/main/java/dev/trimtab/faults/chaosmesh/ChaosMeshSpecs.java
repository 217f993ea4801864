package dev.trimtab.faults.chaosmesh;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trimtab.faults.spec.BandwidthLimit;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.DiskIoContention;
import dev.trimtab.faults.spec.ErrorInjection;
import dev.trimtab.faults.spec.FaultVisitor;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.GpuThrottle;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LatencyInjection;
import dev.trimtab.faults.spec.LlcContention;
import dev.trimtab.faults.spec.MemoryBandwidthContention;
import dev.trimtab.faults.spec.MemoryLeak;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.NetworkLoss;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.PayloadShift;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.TraceSwap;

/**
 * The kind-specific half of each fault's Chaos Mesh manifest: its kind and the {@code spec} fields
 * besides selector, mode, value and duration. Faults with no equivalent give a reason instead; ones
 * that are only approximated give a note.
 */
final class ChaosMeshSpecs implements FaultVisitor<ChaosMeshSpecs.Part> {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** {@code chaosKind} null means not exportable, and {@code note} says why. */
  record Part(String chaosKind, ObjectNode spec, String note) {
    static Part of(String chaosKind, ObjectNode spec) {
      return new Part(chaosKind, spec, null);
    }

    static Part none(String why) {
      return new Part(null, null, why);
    }
  }

  private static ObjectNode stress(String stressor, ObjectNode settings) {
    ObjectNode spec = JSON.objectNode();
    spec.putObject("stressors").set(stressor, settings);
    return spec;
  }

  private static ObjectNode stressNg(String option, double intensity) {
    ObjectNode spec = JSON.objectNode();
    spec.put("stressngStressors", option + " " + Math.max(1, Math.round(4 * intensity)));
    return spec;
  }

  private static ObjectNode network(String action, String to) {
    ObjectNode spec = JSON.objectNode();
    spec.put("action", action);
    if (to != null) {
      spec.put("direction", action.equals("partition") ? "both" : "to");
      ObjectNode target = spec.putObject("target");
      target.put("mode", "all");
      target.putObject("selector").putObject("labelSelectors").put("app", to);
    }
    return spec;
  }

  private static ObjectNode http(String target) {
    ObjectNode spec = JSON.objectNode();
    spec.put("target", target);
    spec.put("port", 8080);
    spec.put("path", "*");
    return spec;
  }

  @Override
  public Part visit(CpuContention f) {
    ObjectNode cpu =
        JSON.objectNode().put("workers", 1).put("load", Math.round(100 * f.intensity()));
    return Part.of("StressChaos", stress("cpu", cpu));
  }

  @Override
  public Part visit(MemoryBandwidthContention f) {
    return Part.of("StressChaos", stressNg("--stream", f.intensity()));
  }

  @Override
  public Part visit(LlcContention f) {
    return Part.of("StressChaos", stressNg("--cache", f.intensity()));
  }

  @Override
  public Part visit(DiskIoContention f) {
    ObjectNode spec = JSON.objectNode();
    spec.put("action", "latency");
    spec.put("delay", Math.round(100 * f.intensity()) + "ms");
    spec.put("volumePath", "/data");
    spec.put("path", "/data/**");
    spec.put("percent", 100);
    return new Part("IOChaos", spec, "volumePath /data is a placeholder: set the service's volume");
  }

  @Override
  public Part visit(NetworkDelay f) {
    ObjectNode spec = network("delay", f.to());
    spec.putObject("delay").put("latency", ms(f.delayMs())).put("jitter", ms(f.jitterMs()));
    return Part.of("NetworkChaos", spec);
  }

  @Override
  public Part visit(NetworkLoss f) {
    ObjectNode spec = network("loss", f.to());
    spec.putObject("loss").put("loss", ChaosMeshExporter.number(100 * f.probability()));
    return Part.of("NetworkChaos", spec);
  }

  @Override
  public Part visit(BandwidthLimit f) {
    ObjectNode spec = network("bandwidth", null);
    spec.putObject("bandwidth")
        .put("rate", Math.max(1, Math.round(f.rateMbitPerS() * 1000)) + "kbit")
        .put("limit", 20971520)
        .put("buffer", 10000);
    return Part.of("NetworkChaos", spec);
  }

  @Override
  public Part visit(Partition f) {
    return Part.of("NetworkChaos", network("partition", f.to()));
  }

  @Override
  public Part visit(ServiceCrash f) {
    ObjectNode spec = JSON.objectNode().put("action", "pod-kill");
    return new Part(
        "PodChaos", spec, "Chaos Mesh counts pods: mode fixed, value = replicas x services hit");
  }

  @Override
  public Part visit(Hang f) {
    ObjectNode spec = http("Request");
    spec.put("delay", ChaosMeshExporter.seconds(f.durationS()));
    return new Part("HTTPChaos", spec, "a request delay as long as the fault; port 8080 assumed");
  }

  @Override
  public Part visit(MemoryLeak f) {
    ObjectNode memory =
        JSON.objectNode()
            .put("workers", 1)
            .put("size", Math.round(f.leakMiBPerS() * f.durationS()) + "MB");
    return new Part(
        "StressChaos", stress("memory", memory), "allocates the leak's final size at once");
  }

  @Override
  public Part visit(LatencyInjection f) {
    ObjectNode spec = http("Request");
    spec.put("delay", ms(f.latencyMs()));
    return new Part("HTTPChaos", spec, "port 8080 assumed");
  }

  @Override
  public Part visit(ErrorInjection f) {
    ObjectNode spec = http("Response");
    spec.putObject("replace").put("code", 500);
    return new Part(
        "HTTPChaos",
        spec,
        "HTTPChaos fails every request; probability "
            + ChaosMeshExporter.number(f.probability())
            + " is not expressible");
  }

  @Override
  public Part visit(GpuThrottle f) {
    return Part.none("Chaos Mesh has no GPU fault; cap the GPU clock with nvidia-smi -lgc");
  }

  @Override
  public Part visit(MisconfiguredLimit f) {
    return Part.none("a resource change, not a chaos experiment; patch the Deployment's limits");
  }

  @Override
  public Part visit(PayloadShift f) {
    return Part.none("a workload change; drive it from the load generator");
  }

  @Override
  public Part visit(FlashCrowd f) {
    return Part.none("a workload change; drive it from the load generator");
  }

  @Override
  public Part visit(RateShift f) {
    return Part.none("a workload change; drive it from the load generator");
  }

  @Override
  public Part visit(MixShift f) {
    return Part.none("a workload change; drive it from the load generator");
  }

  @Override
  public Part visit(TraceSwap f) {
    return Part.none("a workload change; drive it from the load generator");
  }

  private static String ms(double ms) {
    return ChaosMeshExporter.number(ms) + "ms";
  }
}
