package dev.trimtab.rca.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The trace file formats Trimtab reads, with the names the CLI and dataset files use. */
public enum TraceFormat {
  /** OTLP JSON, one request or JSON Lines of requests. */
  OTLP_JSON("otlp-json"),
  /** Jaeger query API / UI export JSON. */
  JAEGER_JSON("jaeger-json"),
  /** Zipkin v2 JSON spans or traces. */
  ZIPKIN_JSON("zipkin-json"),
  /** The span CSV of the Nezha and TraStrainer datasets. */
  NEZHA_CSV("nezha-csv");

  private final String id;

  TraceFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(TraceFormat::id).toList();
  }

  /** The format named {@code id} (case-insensitive), or null. */
  public static TraceFormat fromId(String id) {
    for (TraceFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }
}
