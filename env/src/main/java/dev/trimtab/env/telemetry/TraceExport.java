package dev.trimtab.env.telemetry;

import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.sim.Simulation;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a simulation's spans to an OTLP JSON Lines file, one {@code ExportTraceServiceRequest}
 * per {@link #flush()}, for a CLI that flushes once per control interval.
 *
 * <p>Lines are appended to a temporary file beside {@code path}; {@link #close()} moves it onto
 * {@code path} atomically, so {@code path} never holds a half-written run. Flushes with no spans
 * write nothing, so sampling rate 0 gives an empty file. Single-threaded, like the simulation.
 */
public final class TraceExport implements AutoCloseable {
  /** Spans held between two flushes before the recorder drops and counts them. */
  public static final int DEFAULT_MAX_BUFFERED_SPANS = 200_000;

  private final Simulation simulation;
  private final SpanRecorder recorder;
  private final Path path;
  private final Path partial;
  private final SyncedFile.SyncableStream out;
  private long spansWritten;
  private boolean closed;

  private TraceExport(Simulation simulation, SpanRecorder recorder, Path path) throws IOException {
    this.simulation = simulation;
    this.recorder = recorder;
    this.path = path;
    this.partial = SyncedFile.partialFor(path);
    this.out = SyncedFile.open(partial);
  }

  /**
   * Starts tracing {@code samplingRate} of {@code simulation}'s requests to {@code path}, with a
   * {@link SpanRecorder} of {@link #DEFAULT_MAX_BUFFERED_SPANS} and the default epoch.
   */
  public static TraceExport start(Simulation simulation, Path path, double samplingRate)
      throws IOException {
    return start(simulation, path, samplingRate, new SpanRecorder(DEFAULT_MAX_BUFFERED_SPANS));
  }

  /**
   * Starts tracing {@code samplingRate} (in [0, 1]) of {@code simulation}'s requests into {@code
   * recorder}, replacing any span sink the simulation had, and to {@code path} on each flush.
   */
  public static TraceExport start(
      Simulation simulation, Path path, double samplingRate, SpanRecorder recorder)
      throws IOException {
    TraceExport export = new TraceExport(simulation, recorder, path);
    try {
      simulation.traceTo(recorder, samplingRate);
    } catch (IllegalArgumentException e) {
      export.out.close();
      Files.deleteIfExists(export.partial);
      throw e;
    }
    return export;
  }

  /** Appends the spans recorded since the last flush as one line; writes nothing if none. */
  public void flush() {
    if (closed) {
      throw new IllegalStateException("trace export to " + path + " is closed");
    }
    List<SpanData> spans = recorder.drain();
    try {
      OtlpJsonSpanWriter.writeLine(out, spans);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write spans to " + partial, e);
    }
    spansWritten += spans.size();
  }

  /**
   * Flushes what is left, stops tracing, and moves the finished file onto {@code path} atomically.
   * Spans of requests still in flight are not in the file. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    simulation.traceTo(null, 0);
    try {
      SyncedFile.force(out);
      out.close();
      AtomicFile.commit(partial, path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish trace file " + path, e);
    }
  }

  /** Spans written to the file so far. */
  public long spansWritten() {
    return spansWritten;
  }

  /** Spans lost so far because more than the recorder's bound arrived between two flushes. */
  public long droppedSpans() {
    return recorder.droppedSpans();
  }

  /** The file that {@link #close()} finishes. */
  public Path path() {
    return path;
  }
}
