package dev.trimtab.env.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real traces that ship inside the jar (see {@code dev/trimtab/env/traces/README.md} for what each
 * is and where it comes from), so that examples run from a bare clone, without {@code
 * ../shared/data}. A workload names one by its name where a trace file goes; as with bundled
 * topologies, a bundled name wins over a file of the same name in the working folder.
 *
 * <p>Traces are streamed from files, so a bundled one is copied once per JVM into a temporary
 * folder that is removed on exit.
 */
public final class BundledTraces {
  private static final String RESOURCE_DIR = "/dev/trimtab/env/traces/";
  private static final Map<String, String> FILES =
      Map.of(
          "nasa-1995-week1", "nasa-1995-week1.rps.gz",
          "azure-llm-conv-2023", "azure-llm-conv-2023.csv.gz",
          "azure-llm-code-2023", "azure-llm-code-2023.csv.gz");
  private static final Map<String, Path> EXTRACTED = new HashMap<>();

  private BundledTraces() {}

  /** The bundled traces' names, sorted. */
  public static List<String> names() {
    return FILES.keySet().stream().sorted().toList();
  }

  /**
   * The file holding the bundled trace {@code name} (whose file name tells its format), or empty
   * when no bundled trace is called that.
   */
  public static Optional<Path> file(String name) {
    String fileName = FILES.get(name);
    return fileName == null ? Optional.empty() : Optional.of(extract(fileName));
  }

  private static synchronized Path extract(String fileName) {
    Path done = EXTRACTED.get(fileName);
    if (done != null) {
      return done;
    }
    try (InputStream in = BundledTraces.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
      if (in == null) {
        throw new IllegalStateException("bundled trace missing from the jar: " + fileName);
      }
      Path dir = Files.createTempDirectory("trimtab-traces-");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(fileName);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      EXTRACTED.put(fileName, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the bundled trace " + fileName, e);
    }
  }
}
