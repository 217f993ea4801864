package dev.trimtab.env.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads OTLP JSON with the official OpenTelemetry proto classes, the way the Collector does.
 *
 * <p>OTLP/JSON differs from protobuf's canonical JSON mapping in one respect: trace and span ids
 * are hex, not base64. Like the Collector, this reader turns the hex ids into base64 and then lets
 * protobuf's own strict parser (unknown fields are errors) read the request.
 */
final class OtlpFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> ID_FIELDS = List.of("traceId", "spanId", "parentSpanId");

  private OtlpFiles() {}

  /** Every line of a JSON Lines file, each parsed as one {@code ExportTraceServiceRequest}. */
  static List<ExportTraceServiceRequest> readLines(Path path) throws IOException {
    List<ExportTraceServiceRequest> requests = new ArrayList<>();
    for (String line : Files.readAllLines(path)) {
      requests.add(parse(line));
    }
    return requests;
  }

  static ExportTraceServiceRequest parse(String json) throws IOException {
    JsonNode tree = MAPPER.readTree(json);
    for (JsonNode resourceSpans : tree.path("resourceSpans")) {
      for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
        for (JsonNode span : scopeSpans.path("spans")) {
          hexIdsToBase64((ObjectNode) span);
        }
      }
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().merge(MAPPER.writeValueAsString(tree), request);
    return request.build();
  }

  private static void hexIdsToBase64(ObjectNode span) {
    for (String field : ID_FIELDS) {
      JsonNode id = span.get(field);
      if (id != null) {
        byte[] bytes = HexFormat.of().parseHex(id.asText());
        span.put(field, Base64.getEncoder().encodeToString(bytes));
      }
    }
  }

  /** All spans of all requests, each with its resource's {@code service.name}. */
  static List<ParsedSpan> spans(List<ExportTraceServiceRequest> requests) {
    List<ParsedSpan> spans = new ArrayList<>();
    for (ExportTraceServiceRequest request : requests) {
      for (var resourceSpans : request.getResourceSpansList()) {
        String service = attribute(resourceSpans.getResource().getAttributesList(), "service.name");
        for (var scopeSpans : resourceSpans.getScopeSpansList()) {
          for (Span span : scopeSpans.getSpansList()) {
            spans.add(new ParsedSpan(service, scopeSpans.getScope().getName(), span));
          }
        }
      }
    }
    return spans;
  }

  static String attribute(List<io.opentelemetry.proto.common.v1.KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(kv -> kv.getValue().getStringValue())
        .findFirst()
        .orElse(null);
  }

  /** A parsed span with the service and scope it was filed under. */
  record ParsedSpan(String service, String scope, Span span) {
    String traceIdHex() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    String spanIdHex() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    String parentSpanIdHex() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    String attribute(String key) {
      return OtlpFiles.attribute(span.getAttributesList(), key);
    }
  }
}
