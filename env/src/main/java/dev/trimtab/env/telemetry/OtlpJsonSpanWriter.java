package dev.trimtab.env.telemetry;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trimtab.env.io.AtomicFile;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes spans as OTLP JSON: the protobuf JSON mapping of an {@code ExportTraceServiceRequest}
 * ({@code resourceSpans → scopeSpans → spans}) with the OTLP/JSON exceptions: trace and span ids
 * are lower-case hex, enums are integers, 64-bit integers are decimal strings.
 *
 * <p>Resources and scopes appear in the order their first span appears, spans in input order, and
 * attributes in key order, so equal inputs give equal bytes. (The SDK's own marshaler groups by
 * identity hash and is internal API; see {@code docs/telemetry.md}.) Only what {@link SpanData}
 * carries is written; events and links are written when present.
 */
public final class OtlpJsonSpanWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE = 0x100;
  private static final int SPAN_FLAGS_CONTEXT_IS_REMOTE = 0x200;

  private OtlpJsonSpanWriter() {}

  /**
   * Writes {@code spans} to {@code path} as one {@code ExportTraceServiceRequest}, atomically: the
   * bytes go to a temporary file in the same folder, which then replaces {@code path} by an atomic
   * move, so a reader sees the old file or the whole new one. The document is a single line, so the
   * file is both plain OTLP JSON and one-line OTLP JSON Lines; no spans give an empty file.
   */
  public static void writeFile(Path path, Collection<? extends SpanData> spans) throws IOException {
    Path partial = SyncedFile.partialFor(path);
    try {
      try (OutputStream out = SyncedFile.open(partial)) {
        writeLine(out, spans);
        SyncedFile.force(out);
      }
      AtomicFile.commit(partial, path);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Writes one {@code ExportTraceServiceRequest} holding {@code spans} as a single line of JSON
   * followed by {@code '\n'}: one line of the JSON Lines format that the OpenTelemetry Collector's
   * file exporter writes and its {@code otlpjsonfile} receiver reads. Writes nothing when {@code
   * spans} is empty. Leaves {@code out} open.
   */
  public static void writeLine(OutputStream out, Collection<? extends SpanData> spans)
      throws IOException {
    if (spans.isEmpty()) {
      return;
    }
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      writeRequest(json, spans);
      json.writeRaw('\n');
    }
  }

  private static void writeRequest(JsonGenerator json, Collection<? extends SpanData> spans)
      throws IOException {
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> groups = new LinkedHashMap<>();
    for (SpanData span : spans) {
      groups
          .computeIfAbsent(span.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), s -> new ArrayList<>())
          .add(span);
    }
    json.writeStartObject();
    json.writeArrayFieldStart("resourceSpans");
    for (var resource : groups.entrySet()) {
      json.writeStartObject();
      json.writeObjectFieldStart("resource");
      writeAttributes(json, resource.getKey().getAttributes());
      json.writeEndObject();
      json.writeArrayFieldStart("scopeSpans");
      for (var scope : resource.getValue().entrySet()) {
        writeScopeSpans(json, scope.getKey(), scope.getValue());
      }
      json.writeEndArray();
      writeSchemaUrl(json, resource.getKey().getSchemaUrl());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeScopeSpans(
      JsonGenerator json, InstrumentationScopeInfo scope, List<SpanData> spans) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", scope.getName());
    if (scope.getVersion() != null) {
      json.writeStringField("version", scope.getVersion());
    }
    writeAttributes(json, scope.getAttributes());
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (SpanData span : spans) {
      writeSpan(json, span);
    }
    json.writeEndArray();
    writeSchemaUrl(json, scope.getSchemaUrl());
    json.writeEndObject();
  }

  private static void writeSpan(JsonGenerator json, SpanData span) throws IOException {
    SpanContext context = span.getSpanContext();
    SpanContext parent = span.getParentSpanContext();
    json.writeStartObject();
    json.writeStringField("traceId", context.getTraceId());
    json.writeStringField("spanId", context.getSpanId());
    String traceState = context.getTraceState().isEmpty() ? null : w3cTraceState(context);
    if (traceState != null) {
      json.writeStringField("traceState", traceState);
    }
    if (parent.isValid()) {
      json.writeStringField("parentSpanId", parent.getSpanId());
    }
    json.writeNumberField("flags", spanFlags(context, parent));
    json.writeStringField("name", span.getName());
    json.writeNumberField("kind", span.getKind().ordinal() + 1);
    json.writeStringField("startTimeUnixNano", Long.toString(span.getStartEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
    writeAttributes(json, span.getAttributes());
    writeDropped(
        json, "droppedAttributesCount", span.getTotalAttributeCount(), span.getAttributes().size());
    OtlpJsonEvents.write(json, span);
    writeStatus(json, span.getStatus());
    json.writeEndObject();
  }

  /** The OTLP span flags: W3C trace flags in bits 0–7, whether the parent is remote in 8–9. */
  private static int spanFlags(SpanContext context, SpanContext parent) {
    int flags = context.getTraceFlags().asByte() & 0xff | SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE;
    return parent.isRemote() ? flags | SPAN_FLAGS_CONTEXT_IS_REMOTE : flags;
  }

  private static String w3cTraceState(SpanContext context) {
    StringBuilder s = new StringBuilder();
    context
        .getTraceState()
        .forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }

  private static void writeStatus(JsonGenerator json, StatusData status) throws IOException {
    json.writeObjectFieldStart("status");
    if (!status.getDescription().isEmpty()) {
      json.writeStringField("message", status.getDescription());
    }
    int code =
        switch (status.getStatusCode()) {
          case UNSET -> 0;
          case OK -> 1;
          case ERROR -> 2;
        };
    if (code != 0) {
      json.writeNumberField("code", code);
    }
    json.writeEndObject();
  }

  static void writeDropped(JsonGenerator json, String field, int total, int kept)
      throws IOException {
    if (total > kept) {
      json.writeNumberField(field, total - kept);
    }
  }

  private static void writeSchemaUrl(JsonGenerator json, String schemaUrl) throws IOException {
    if (schemaUrl != null) {
      json.writeStringField("schemaUrl", schemaUrl);
    }
  }

  /** Writes {@code "attributes": [KeyValue...]} in key order, or nothing when there are none. */
  static void writeAttributes(JsonGenerator json, Attributes attributes) throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", entry.getKey().getKey());
      json.writeFieldName("value");
      OtlpJsonValues.write(json, entry.getKey(), entry.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
