package dev.trimtab.testbed.service;

import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls into other services over HTTP/1.1 with keep-alive ({@link HttpURLConnection}, which the
 * OpenTelemetry agent traces and propagates context through), each call on a thread of a cached
 * pool so that the calls of a parallel step go out at once. The caller waits at most the callee's
 * {@code timeoutMs}, as in the simulator; no response in time, a refused connection or any status
 * but 200 fails the call.
 *
 * <p>Blocking calls on pooled threads cost less CPU per call than the JDK's asynchronous {@code
 * HttpClient} (measured on the testbed: about 0.3 ms against 1.2 ms of CPU per call with C1-only
 * JIT), and CPU spent around the burst is CPU the cgroup quota no longer gives the burst.
 */
public final class Downstream implements AutoCloseable {
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "downstream");
            t.setDaemon(true);
            return t;
          });
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
    URI uri = base.resolve("/trimtab/call/" + endpoint + "/" + nodeId);
    return CompletableFuture.supplyAsync(context.wrapSupplier(() -> get(uri, timeoutMs)), executor);
  }

  private static Outcome get(URI uri, double timeoutMs) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) uri.toURL().openConnection();
      int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(timeoutMs)));
      c.setConnectTimeout(timeout);
      c.setReadTimeout(timeout);
      int status = c.getResponseCode();
      drain(status == 200 ? c.getInputStream() : c.getErrorStream());
      return Outcome.of(status, c.getHeaderField(Outcome.HEADER));
    } catch (IOException | RuntimeException e) {
      if (c != null) {
        c.disconnect();
      }
      return Outcome.ERRORED;
    }
  }

  /** Reads the body to its end so that the connection goes back to the keep-alive pool. */
  private static void drain(InputStream in) throws IOException {
    if (in == null) {
      return;
    }
    try (in) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
