package dev.trimtab.testbed.live.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/** The testbed service's admin endpoints ({@code /trimtab/admin/...}) and its health check. */
public final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private AdminClient() {}

  /** Whether the replica at {@code base} answers its health check with 200. */
  public static boolean healthy(URI base, Duration timeout) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("/actuator/health"))
                  .timeout(timeout)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The replica's counters ({@code GET /trimtab/admin/stats}). */
  public static JsonNode stats(URI base) throws IOException {
    return JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/trimtab/admin/stats")).GET()));
  }

  /** Sizes the replica's worker pool for a CPU limit. */
  public static void cpuLimit(URI base, double cores) throws IOException {
    send(
        HttpRequest.newBuilder(
                base.resolve(
                    "/trimtab/admin/cpu-limit?cores=" + String.format(Locale.ROOT, "%.6f", cores)))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Tells the replica where its peers listen ({@code name=URL|URL;...}). */
  public static void peers(URI base, String peers) throws IOException {
    send(
        HttpRequest.newBuilder(base.resolve("/trimtab/admin/peers"))
            .header("Content-Type", "text/plain")
            .PUT(HttpRequest.BodyPublishers.ofString(peers)));
  }

  private static String send(HttpRequest.Builder b) throws IOException {
    try {
      HttpResponse<String> r =
          HTTP.send(b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(r.uri() + " answered " + r.statusCode() + ": " + r.body().strip());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
