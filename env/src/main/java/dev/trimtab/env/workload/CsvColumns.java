package dev.trimtab.env.workload;

/**
 * Header names of the columns a CSV trace is read from.
 *
 * @param timestamp the arrival time column (ISO-8601 date-time, space or T separated, optional
 *     fraction and zone; or plain seconds)
 * @param promptTokens prompt-token column, or null for none
 * @param outputTokens generated-token column, or null for none
 */
public record CsvColumns(String timestamp, String promptTokens, String outputTokens) {

  /** The Azure LLM inference trace layout: TIMESTAMP, ContextTokens, GeneratedTokens. */
  public static final CsvColumns AZURE =
      new CsvColumns("TIMESTAMP", "ContextTokens", "GeneratedTokens");

  public CsvColumns {
    if (timestamp == null || timestamp.isBlank()) {
      throw new IllegalArgumentException("timestamp column must be named");
    }
  }
}
