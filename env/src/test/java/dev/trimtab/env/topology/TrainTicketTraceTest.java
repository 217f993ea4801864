package dev.trimtab.env.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.testdata.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Train-Ticket's call probabilities against the real Nezha traces: for a parent operation, the mean
 * number of calls it makes to a child operation (following controller spans, skipping HTTP client
 * spans in between) must match the topology within 10% relative.
 */
class TrainTicketTraceTest {
  private static final Pattern CONTROLLER = Pattern.compile("\\w+Controll?l?er\\.(\\w+)");
  private static final Map<String, Integer> CALLS = new HashMap<>();

  @BeforeAll
  static void countTraceEdges() throws IOException {
    Path dir = SharedData.require("traces/nezha-trainticket-2023-01-29");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith("_trace.csv.gz")).toList()) {
        countFile(f);
      }
    }
  }

  private static void countFile(Path file) throws IOException {
    Map<String, String[]> spans = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] c = line.split(",", -1);
        String pod = c[3];
        String service = pod.substring(0, pod.lastIndexOf('-', pod.lastIndexOf('-') - 1));
        spans.put(c[0] + "/" + c[1], new String[] {c[0], c[2], service, c[4]});
      }
    }
    for (String[] s : spans.values()) {
      String op = operation(s[3]);
      if (op == null) {
        continue;
      }
      String self = s[2] + "/" + op;
      CALLS.merge(self, 1, Integer::sum);
      String[] p = spans.get(s[0] + "/" + s[1]);
      while (p != null && operation(p[3]) == null) {
        p = spans.get(p[0] + "/" + p[1]);
      }
      if (p != null) {
        CALLS.merge(p[2] + "/" + operation(p[3]) + " -> " + self, 1, Integer::sum);
      }
    }
  }

  private static String operation(String spanName) {
    var m = CONTROLLER.matcher(spanName);
    return m.matches() && !spanName.startsWith("BasicErrorController") ? m.group(1) : null;
  }

  @Test
  void callsPerParentMatchTheTraces() {
    Topology t = Topologies.resolve("train-ticket");
    for (List<String> edge :
        List.of(
            List.of(
                "search-ticket",
                "ts-travel-service/queryInfo",
                "ts-seat-service/getLeftTicketOfInterval"),
            List.of(
                "search-ticket", "ts-travel-service/queryInfo", "ts-basic-service/queryForTravels"),
            List.of(
                "search-ticket-other",
                "ts-travel2-service/queryInfo",
                "ts-basic-service/queryForTravels"),
            List.of(
                "preserve",
                "ts-preserve-service/preserve",
                "ts-assurance-service/createNewAssurance"),
            List.of("preserve", "ts-preserve-service/preserve", "ts-food-service/createFoodOrder"),
            List.of("preserve", "ts-preserve-service/preserve", "ts-order-service/createNewOrder"),
            List.of(
                "get-food",
                "ts-food-service/getAllFood",
                "ts-train-food-service/getTrainFoodOfTrip"),
            List.of("pay", "ts-inside-payment-service/pay", "ts-payment-service/pay"),
            List.of(
                "cancel", "ts-cancel-service/cancelTicket", "ts-order-service/saveOrderInfo"))) {
      double traced =
          (double) CALLS.getOrDefault(edge.get(1) + " -> " + edge.get(2), 0)
              / CALLS.get(edge.get(1));
      double modelled = callsPerParent(t, edge.get(0), edge.get(1), edge.get(2));
      assertEquals(traced, modelled, 0.1 * traced, edge.toString());
    }
  }

  /** Mean direct calls to {@code child} per call of {@code parent} in an endpoint's tree. */
  private static double callsPerParent(Topology t, String endpoint, String parent, String child) {
    CallNode root =
        t.endpoints().stream()
            .filter(e -> e.name().equals(endpoint))
            .findFirst()
            .orElseThrow()
            .root();
    double[] sums = new double[2];
    walk(root, 1.0, parent, child, sums);
    return sums[1] / sums[0];
  }

  private static void walk(CallNode n, double reach, String parent, String child, double[] sums) {
    double r = reach * n.probability();
    boolean isParent = (n.service() + "/" + n.operation()).equals(parent);
    if (isParent) {
      sums[0] += r;
    }
    for (CallNode.Step step : n.steps()) {
      for (CallNode c : step.parallel()) {
        if (isParent && (c.service() + "/" + c.operation()).equals(child)) {
          sums[1] += r * c.probability();
        }
        walk(c, r, parent, child, sums);
      }
    }
  }
}
