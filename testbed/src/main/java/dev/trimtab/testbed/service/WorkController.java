package dev.trimtab.testbed.service;

import dev.trimtab.env.topology.CallNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's endpoints: {@code GET /trimtab/call/{endpoint}/{node}}. The only
 * {@code @RestController}, so Chaos Monkey's {@code restController} watcher assaults exactly the
 * calls of the topology and never the testbed's admin endpoints.
 *
 * <p>The server span that the OpenTelemetry agent opens is renamed to the operation and gets the
 * attributes simulated spans carry ({@code trimtab.endpoint}, {@code rpc.method}), so live traces
 * read like simulated ones.
 */
@RestController
public class WorkController {
  static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("trimtab.endpoint");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

  private final CallHandler handler;
  private final String service;

  public WorkController(CallHandler handler, ServiceSettings settings) {
    this.handler = handler;
    this.service = settings.service().name();
  }

  @GetMapping("/trimtab/call/{endpoint}/{node}")
  public CompletableFuture<ResponseEntity<String>> call(
      @PathVariable("endpoint") String endpoint, @PathVariable("node") int nodeId) {
    CallNode node = handler.node(endpoint, nodeId);
    if (node == null) {
      return CompletableFuture.completedFuture(
          ResponseEntity.status(404)
              .header(Outcome.HEADER, Outcome.ERRORED.headerValue())
              .body("no call " + nodeId + " of endpoint " + endpoint + " on " + service + "\n"));
    }
    Span span = Span.current();
    span.updateName(node.operation());
    span.setAttribute(ENDPOINT, endpoint);
    span.setAttribute(RPC_METHOD, service + "/" + node.operation());
    return handler
        .handle(Context.current(), endpoint, node)
        .thenApply(
            outcome ->
                outcome == Outcome.OK
                    ? ResponseEntity.ok("ok\n")
                    : ResponseEntity.status(outcome.status())
                        .header(Outcome.HEADER, outcome.headerValue())
                        .body(outcome.headerValue() + "\n"));
  }
}
