package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake actuator that records what it is sent (loopback only). */
class ChaosMonkeyClientTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private boolean enabled;
  private int status = 200;
  private ChaosMonkeyClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/actuator/chaosmonkey",
        e -> {
          String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = e.getRequestURI().getPath();
          requests.add(e.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
          if (path.endsWith("/enable")) {
            enabled = true;
          } else if (path.endsWith("/disable")) {
            enabled = false;
          }
          byte[] answer =
              (path.endsWith("/status") ? "{\"enabled\":" + enabled + "}" : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(status, answer.length);
          e.getResponseBody().write(answer);
          e.close();
        });
    server.start();
    client = new ChaosMonkeyClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void enableStatusDisableUseTheActuatorPaths() {
    client.enable();
    assertTrue(client.enabled());
    client.disable();
    assertFalse(client.enabled());
    assertEquals(
        List.of(
            "POST /actuator/chaosmonkey/enable",
            "GET /actuator/chaosmonkey/status",
            "POST /actuator/chaosmonkey/disable",
            "GET /actuator/chaosmonkey/status"),
        requests);
  }

  @Test
  void assaultsAreSentAsJsonAndRuntimeAttacksToTheirPath() throws IOException {
    client.setAssaults(Assault.latency(900));
    client.attackRuntime();
    client.setWatchers(Map.of("restController", true));
    String[] first = requests.get(0).split(" ", 3);
    assertEquals("POST", first[0]);
    assertEquals("/actuator/chaosmonkey/assaults", first[1]);
    JsonNode body = new ObjectMapper().readTree(first[2]);
    assertEquals(900, body.get("latencyRangeStart").asInt());
    assertTrue(body.get("latencyActive").asBoolean());
    assertEquals("POST /actuator/chaosmonkey/assaults/runtime/attack", requests.get(1));
    assertEquals("POST /actuator/chaosmonkey/watchers {\"restController\":true}", requests.get(2));
  }

  @Test
  void resetSwitchesAssaultsOffBeforeDisabling() {
    client.reset();
    assertTrue(requests.get(0).startsWith("POST /actuator/chaosmonkey/assaults "));
    assertTrue(requests.get(0).contains("\"latencyActive\":false"));
    assertEquals("POST /actuator/chaosmonkey/disable", requests.get(1));
  }

  @Test
  void anErrorStatusOrNoServerFailsNamingTheCall() {
    status = 500;
    ChaosMonkeyClient.ChaosMonkeyException e =
        assertThrows(ChaosMonkeyClient.ChaosMonkeyException.class, client::enable);
    assertTrue(
        e.getMessage().contains("/actuator/chaosmonkey/enable answered 500"), e.getMessage());
    server.stop(0);
    e = assertThrows(ChaosMonkeyClient.ChaosMonkeyException.class, client::disable);
    assertTrue(e.getMessage().contains("failed"), e.getMessage());
  }
}
