package dev.trimtab.testbed.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls into other services over HTTP with the JDK client (which the OpenTelemetry agent traces and
 * propagates context through). The caller waits at most the callee's {@code timeoutMs}, as in the
 * simulator; no response in time, a refused connection or any status but 200 fails the call.
 */
public final class Downstream implements AutoCloseable {
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "downstream");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(executor)
          .build();
  private volatile Peers peers;

  public Downstream(Peers peers) {
    this.peers = peers;
  }

  public Peers peers() {
    return peers;
  }

  /** Replaces where the services listen (the testbed scaled one of them). */
  public void setPeers(Peers peers) {
    this.peers = peers;
  }

  /**
   * Calls node {@code nodeId} of {@code endpoint}'s tree on a replica of {@code service}.
   *
   * @param context the trace context the call belongs to
   */
  public CompletableFuture<Outcome> call(
      Context context, String service, String endpoint, int nodeId, double timeoutMs) {
    URI base = peers.pick(service);
    if (base == null) {
      return CompletableFuture.completedFuture(Outcome.ERRORED);
    }
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/trimtab/call/" + endpoint + "/" + nodeId))
            .timeout(Duration.ofNanos(Math.max(1, Math.round(timeoutMs * 1e6))))
            .GET()
            .build();
    CompletableFuture<HttpResponse<Void>> response;
    try (Scope ignored = context.makeCurrent()) {
      response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }
    return response.handle(
        (r, error) ->
            error != null
                ? Outcome.ERRORED
                : Outcome.of(r.statusCode(), r.headers().firstValue(Outcome.HEADER).orElse(null)));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
