package dev.trimtab.faults.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Drives Chaos Monkey for Spring Boot 3.3 in one running application through its actuator endpoints
 * ({@code /actuator/chaosmonkey/...}, see shared/REFERENCE.md). Every call throws {@link
 * ChaosMonkeyException} naming the application and what went wrong; nothing is retried.
 */
public final class ChaosMonkeyClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI base;
  private final Duration timeout;

  /**
   * @param base the application's root URL, e.g. {@code http://127.0.0.1:9101}
   */
  public ChaosMonkeyClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  public ChaosMonkeyClient(URI base) {
    this(base, Duration.ofSeconds(5));
  }

  public URI base() {
    return base;
  }

  /** {@code POST /actuator/chaosmonkey/enable}. */
  public void enable() {
    send("POST", "enable", null);
  }

  /** {@code POST /actuator/chaosmonkey/disable}: no assault runs while disabled. */
  public void disable() {
    send("POST", "disable", null);
  }

  /** Whether Chaos Monkey is enabled ({@code GET /actuator/chaosmonkey/status}). */
  public boolean enabled() {
    return read(send("GET", "status", null)).path("enabled").asBoolean(false);
  }

  /** The assault settings in force ({@code GET /actuator/chaosmonkey/assaults}), as JSON. */
  public JsonNode assaults() {
    return read(send("GET", "assaults", null));
  }

  /** Replaces the assault settings ({@code POST /actuator/chaosmonkey/assaults}). */
  public void setAssaults(Assault assault) {
    send("POST", "assaults", assault.toJson());
  }

  /** Sets which kinds of Spring beans are watched ({@code POST .../watchers}). */
  public void setWatchers(Map<String, Boolean> watchers) {
    send("POST", "watchers", watchers);
  }

  /** Starts the active runtime assaults (memory, CPU, app kill) now. */
  public void attackRuntime() {
    send("POST", "assaults/runtime/attack", null);
  }

  /**
   * Turns everything off: assaults to {@link Assault#NONE}, then Chaos Monkey disabled. The order
   * matters: a runtime assault stops when its setting goes off.
   */
  public void reset() {
    setAssaults(Assault.NONE);
    disable();
  }

  private String send(String method, String path, Object body) {
    URI uri =
        base.resolve("/actuator/chaosmonkey" + (path.equals("status") ? "/status" : "/" + path));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
    try {
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new ChaosMonkeyException(
            method + " " + uri + " answered " + r.statusCode() + ": " + oneLine(r.body()));
      }
      return r.body();
    } catch (IOException e) {
      throw new ChaosMonkeyException(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChaosMonkeyException(method + " " + uri + " interrupted", e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String oneLine(String s) {
    String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  /** A Chaos Monkey call that failed: the application is down, refused or answered an error. */
  public static final class ChaosMonkeyException extends RuntimeException {
    ChaosMonkeyException(String message) {
      super(message);
    }

    ChaosMonkeyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
