package dev.trimtab.env.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;

/** A span's events and links, and their dropped counts, as OTLP JSON fields. */
final class OtlpJsonEvents {
  private OtlpJsonEvents() {}

  static void write(JsonGenerator json, SpanData span) throws IOException {
    if (!span.getEvents().isEmpty()) {
      json.writeArrayFieldStart("events");
      for (EventData event : span.getEvents()) {
        json.writeStartObject();
        json.writeStringField("timeUnixNano", Long.toString(event.getEpochNanos()));
        json.writeStringField("name", event.getName());
        OtlpJsonSpanWriter.writeAttributes(json, event.getAttributes());
        OtlpJsonSpanWriter.writeDropped(
            json,
            "droppedAttributesCount",
            event.getTotalAttributeCount(),
            event.getAttributes().size());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    OtlpJsonSpanWriter.writeDropped(
        json, "droppedEventsCount", span.getTotalRecordedEvents(), span.getEvents().size());
    if (!span.getLinks().isEmpty()) {
      json.writeArrayFieldStart("links");
      for (LinkData link : span.getLinks()) {
        json.writeStartObject();
        json.writeStringField("traceId", link.getSpanContext().getTraceId());
        json.writeStringField("spanId", link.getSpanContext().getSpanId());
        OtlpJsonSpanWriter.writeAttributes(json, link.getAttributes());
        OtlpJsonSpanWriter.writeDropped(
            json,
            "droppedAttributesCount",
            link.getTotalAttributeCount(),
            link.getAttributes().size());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    OtlpJsonSpanWriter.writeDropped(
        json, "droppedLinksCount", span.getTotalRecordedLinks(), span.getLinks().size());
  }
}
