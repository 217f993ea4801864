package dev.trimtab.faults.chaosmesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.SelectorMode;
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.ServiceFault;
import dev.trimtab.faults.spec.Target;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a campaign as Chaos Mesh manifests: one YAML document per fault, selecting pods by the
 * {@code app} label (= service name). Glob patterns are expanded against the given service names;
 * the {@code mode} and {@code value} go to Chaos Mesh, which draws the pods itself. Chaos Mesh has
 * no start offset, so each document carries the fault's start in the annotation {@code
 * trimtab.dev/start-s} (apply it then, or wrap the documents in a Workflow). Faults with no Chaos
 * Mesh equivalent, and approximations, are listed in comments at the top, never dropped silently.
 */
public final class ChaosMeshExporter {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ChaosMeshExporter() {}

  /** The manifests of {@code campaign} for pods in {@code namespace}. */
  public static String export(Campaign campaign, List<String> serviceNames, String namespace) {
    StringBuilder comments = new StringBuilder();
    comments.append("# Chaos Mesh manifests for campaign ").append(campaign.name()).append('\n');
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < campaign.faults().size(); i++) {
      FaultSpec f = campaign.faults().get(i);
      ChaosMeshSpecs.Part part = f.accept(new ChaosMeshSpecs());
      String label = "faults[" + i + "] " + f.kind().yamlName();
      if (part.chaosKind() == null) {
        comments
            .append("# not exported: ")
            .append(label)
            .append(": ")
            .append(part.note())
            .append('\n');
        continue;
      }
      if (part.note() != null) {
        comments
            .append("# approximated: ")
            .append(label)
            .append(": ")
            .append(part.note())
            .append('\n');
      }
      documents.add(write(document(campaign, i, (ServiceFault) f, part, serviceNames, namespace)));
    }
    return comments + String.join("", documents);
  }

  private static ObjectNode document(
      Campaign campaign,
      int index,
      ServiceFault f,
      ChaosMeshSpecs.Part part,
      List<String> serviceNames,
      String namespace) {
    ObjectNode doc = JSON.objectNode();
    doc.put("apiVersion", "chaos-mesh.org/v1alpha1");
    doc.put("kind", part.chaosKind());
    ObjectNode meta = doc.putObject("metadata");
    meta.put("name", dnsName(campaign.name() + "-" + index + "-" + f.kind().yamlName()));
    meta.put("namespace", namespace);
    ObjectNode annotations = meta.putObject("annotations");
    annotations.put("trimtab.dev/campaign", campaign.name());
    annotations.put("trimtab.dev/start-s", number(f.startS()));
    ObjectNode spec = doc.putObject("spec");
    List<String> services = expand(f.target(), serviceNames);
    selector(spec, services, namespace);
    mode(spec, f, services.size());
    spec.setAll(part.spec());
    spec.put("duration", seconds(f.durationS()));
    return doc;
  }

  private static void selector(ObjectNode spec, List<String> services, String namespace) {
    ObjectNode selector = spec.putObject("selector");
    selector.putArray("namespaces").add(namespace);
    if (services.size() == 1) {
      selector.putObject("labelSelectors").put("app", services.get(0));
    } else {
      ObjectNode expression = selector.putArray("expressionSelectors").addObject();
      expression.put("key", "app").put("operator", "In");
      services.forEach(expression.putArray("values")::add);
    }
  }

  private static void mode(ObjectNode spec, ServiceFault f, int matches) {
    Target t = f.target();
    if (f instanceof ServiceCrash crash) {
      int services =
          switch (t.mode()) {
            case ONE -> 1;
            case ALL -> matches;
            case FIXED -> Math.min(t.value(), matches);
            case FIXED_PERCENT -> Math.max(1, matches * t.value() / 100);
          };
      spec.put("mode", SelectorMode.FIXED.yamlName());
      spec.put("value", Integer.toString(crash.replicas() * services));
      return;
    }
    spec.put("mode", t.mode().yamlName());
    if (t.mode() == SelectorMode.FIXED || t.mode() == SelectorMode.FIXED_PERCENT) {
      spec.put("value", Integer.toString(t.value()));
    }
  }

  private static List<String> expand(Target target, List<String> serviceNames) {
    List<String> out = new ArrayList<>();
    for (String entry : target.services()) {
      List<String> matches =
          Target.isPattern(entry)
              ? serviceNames.stream().filter(Target.all(entry)::matches).toList()
              : List.of(entry);
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("pattern '" + entry + "' matches no service");
      }
      matches.stream().filter(m -> !out.contains(m)).forEach(out::add);
    }
    return out;
  }

  private static String write(ObjectNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dnsName(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
    s = s.length() > 63 ? s.substring(0, 63) : s;
    return s.replaceAll("^-|-$", "");
  }

  /** A Go duration in seconds, e.g. {@code 10s} or {@code 9.5s}. */
  static String seconds(double s) {
    return number(s) + "s";
  }

  /** Whole numbers without a decimal point, others with up to three decimals. */
  static String number(double v) {
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
  }
}
