package dev.trimtab.env.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundledTopologiesTest {
  /** Nominal request rate of each bundled topology, as its description and docs state. */
  static final Map<String, Double> NOMINAL_RPS =
      Map.of(
          "boutique", 10.0,
          "social-network", 500.0,
          "hotel-reservation", 500.0,
          "media-microservices", 300.0,
          "train-ticket", 200.0,
          "gpu-inference", 20.0);

  static List<String> names() {
    return Topologies.bundledNames();
  }

  /** The CPU-only topologies, whose load OfferedLoad computes (GPU stages are priced by tokens). */
  static List<String> cpuNames() {
    return names().stream().filter(n -> !n.equals("gpu-inference")).toList();
  }

  @Test
  void bundledNamesAreTheSixDocumentedOnes() {
    assertEquals(
        List.of(
            "boutique",
            "gpu-inference",
            "hotel-reservation",
            "media-microservices",
            "social-network",
            "train-ticket"),
        Topologies.bundledNames());
  }

  @Test
  void gpuInferenceIsAPipelineOfTwoGpuStagesBusy30To60PercentAtItsNominalLoad() {
    Topology t = Topologies.resolve("gpu-inference");
    assertEquals(
        List.of("gateway", "preprocess", "encoder", "decoder", "postprocess"),
        t.services().stream().map(ServiceSpec::name).toList());
    ServiceSpec encoder = t.service("encoder");
    ServiceSpec decoder = t.service("decoder");
    assertEquals(ServiceKind.GPU, encoder.kind());
    assertEquals(ServiceKind.GPU, decoder.kind());
    // Azure LLM conversation trace: mean 1155 prompt and 211 generated tokens per request.
    // encoder: 20 req/s x (4 + 0.01 x 1155) ms = 311 ms/s on 1 GPU -> 0.311
    OperationSpec prefill = encoder.operation("prefill");
    double encoderBusy =
        20 * (prefill.demandCoreMs().meanMs() + prefill.perPromptTokenMs() * 1155) / 1000;
    assertEquals(0.311, encoderBusy / encoder.gpu().devices(), 1e-9);
    // decoder: 20 x (5 + 0.2 x 211) ms = 944 ms/s on 2 GPUs -> 0.472
    OperationSpec generate = decoder.operation("generate");
    double decoderBusy =
        20 * (generate.demandCoreMs().meanMs() + generate.perOutputTokenMs() * 211) / 1000;
    assertEquals(0.472, decoderBusy / decoder.gpu().devices(), 1e-9);
  }

  @ParameterizedTest
  @MethodSource("names")
  void loadsUnderItsOwnName(String name) {
    Topology t = Topologies.resolve(name);
    assertEquals(name, t.name());
    assertTrue(
        t.description().contains("Nominal rate " + NOMINAL_RPS.get(name).intValue() + " req/s"),
        t.description());
  }

  @ParameterizedTest
  @MethodSource("cpuNames")
  void atTheNominalRateEveryServiceIsBelow80PercentAndTheBusiestAbove30(String name) {
    Topology t = Topologies.resolve(name);
    double[] util = OfferedLoad.utilisation(t, NOMINAL_RPS.get(name));
    double busiest = 0;
    for (int i = 0; i < util.length; i++) {
      String service = t.services().get(i).name();
      assertTrue(util[i] < 0.8, service + " utilisation " + util[i]);
      busiest = Math.max(busiest, util[i]);
    }
    assertTrue(busiest >= 0.3 && busiest <= 0.6, name + " busiest utilisation " + busiest);
  }

  @Test
  void socialNetworkHasTheDeathStarBenchServicesAndMix() {
    Topology t = Topologies.resolve("social-network");
    assertTrue(t.services().size() >= 25, "services: " + t.services().size());
    for (String s :
        List.of(
            "nginx-web-server",
            "compose-post-service",
            "text-service",
            "user-mention-service",
            "url-shorten-service",
            "media-service",
            "unique-id-service",
            "user-service",
            "social-graph-service",
            "post-storage-service",
            "user-timeline-service",
            "home-timeline-service",
            "media-frontend",
            "post-storage-mongodb",
            "home-timeline-redis",
            "user-memcached")) {
      assertTrue(t.serviceIndex(s) >= 0, s);
    }
    assertEquals(
        Set.of(
            "compose-post", "read-home-timeline", "read-user-timeline", "follow", "upload-media"),
        endpointNames(t));
    double total = t.endpoints().stream().mapToDouble(EndpointSpec::weight).sum();
    assertEquals(0.6, weight(t, "read-home-timeline") / total, 0.02);
    assertEquals(0.3, weight(t, "read-user-timeline") / total, 0.02);
    assertEquals(0.1, weight(t, "compose-post") / total, 0.02);
  }

  @Test
  void hotelReservationHasItsServicesAndEndpoints() {
    Topology t = Topologies.resolve("hotel-reservation");
    for (String s :
        List.of("frontend", "search", "geo", "rate", "profile", "recommendation", "user")) {
      assertTrue(t.serviceIndex(s) >= 0, s);
    }
    assertEquals(Set.of("search-hotels", "recommend", "login", "reserve"), endpointNames(t));
  }

  @Test
  void mediaMicroservicesHasTheComposeReviewPath() {
    Topology t = Topologies.resolve("media-microservices");
    Set<String> onPath = new TreeSet<>();
    collect(endpoint(t, "compose-review").root(), onPath);
    assertTrue(
        onPath.containsAll(
            List.of(
                "nginx-web-server",
                "unique-id-service",
                "movie-id-service",
                "text-service",
                "rating-service",
                "user-service",
                "compose-review-service",
                "review-storage-service",
                "user-review-service",
                "movie-review-service")),
        onPath.toString());
    assertTrue(endpointNames(t).contains("read-movie-page"));
  }

  @Test
  void trainTicketHasAtLeast40ServicesAndTheBookingEndpoints() {
    Topology t = Topologies.resolve("train-ticket");
    assertTrue(t.services().size() >= 40, "services: " + t.services().size());
    assertTrue(
        endpointNames(t)
            .containsAll(
                List.of("search-ticket", "preserve", "query-order", "pay", "cancel", "login")));
  }

  @Test
  void resolvesAFilePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pair.yaml");
    Files.writeString(file, TopologyLoaderTest.TWO_SERVICES);
    assertEquals("pair", Topologies.resolve(file.toString()).name());
  }

  @Test
  void unknownNameListsTheBundledNames() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> Topologies.resolve("social-netwrk"));
    assertEquals("social-netwrk", e.source());
    assertTrue(
        e.getMessage()
            .contains(
                "bundled topologies: boutique, gpu-inference, hotel-reservation,"
                    + " media-microservices, social-network, train-ticket"),
        e.getMessage());
  }

  @Test
  void missingFileListsTheBundledNames(@TempDir Path dir) {
    String missing = dir.resolve("nope.yaml").toString();
    ConfigException e = assertThrows(ConfigException.class, () -> Topologies.resolve(missing));
    assertEquals(missing, e.source());
    assertTrue(e.getMessage().contains("social-network"), e.getMessage());
  }

  private static Set<String> endpointNames(Topology t) {
    Set<String> names = new TreeSet<>();
    t.endpoints().forEach(e -> names.add(e.name()));
    return names;
  }

  private static EndpointSpec endpoint(Topology t, String name) {
    return t.endpoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static double weight(Topology t, String name) {
    return endpoint(t, name).weight();
  }

  private static void collect(CallNode node, Set<String> services) {
    services.add(node.service());
    node.steps().forEach(s -> s.parallel().forEach(c -> collect(c, services)));
  }
}
