package dev.trimtab.testbed.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker/compose.yaml runs the boutique with the limits the local testbed gives it. */
class DockerComposeTest {

  @Test
  void everyServiceHasTheTopologysCpuLimitAndMemoryLimitPlusTheJvmOverhead() throws Exception {
    Topology t = Topologies.resolve("boutique");
    JsonNode compose = new YAMLMapper().readTree(Path.of("../../docker/compose.yaml").toFile());
    JsonNode services = compose.get("services");
    for (ServiceSpec s : t.services()) {
      JsonNode c = services.get(s.name());
      assertTrue(c != null, "no container for " + s.name());
      assertEquals(s.cpuLimitCores(), c.get("cpus").asDouble(), 1e-9, s.name() + " cpus");
      long mib = Math.round(TestbedConfig.DEFAULT_JVM_OVERHEAD_MIB + s.memoryLimitMiB());
      assertEquals(mib + "m", c.get("mem_limit").asText(), s.name() + " mem_limit");
      assertEquals(s.name(), c.get("environment").get("TRIMTAB_SERVICE").asText());
    }
    // every service merges x-service's environment (a YAML merge key Jackson leaves as is)
    String peers = compose.get("x-service").get("environment").get("TRIMTAB_PEERS").asText();
    for (ServiceSpec s : t.services()) {
      assertTrue(peers.contains(s.name() + "=http://" + s.name() + ":8080"), peers);
    }
  }
}
