package dev.trimtab.env.topology;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The topologies bundled with Trimtab, and resolution of a user's {@code --topology} argument: a
 * bundled name, or else a path to a YAML file.
 */
public final class Topologies {
  private static final String RESOURCE_DIR = "/dev/trimtab/env/topologies/";
  private static final List<String> BUNDLED =
      List.of(
          "boutique",
          "gpu-inference",
          "hotel-reservation",
          "media-microservices",
          "social-network",
          "train-ticket");

  private Topologies() {}

  /** Names of the bundled topologies, sorted. */
  public static List<String> bundledNames() {
    return BUNDLED;
  }

  /**
   * The bundled topology called {@code nameOrFile}, or else the topology in the YAML file at that
   * path. A bundled name wins over a file of the same name in the working directory.
   *
   * @throws ConfigException if it is neither, or the file is invalid
   */
  public static Topology resolve(String nameOrFile) {
    if (BUNDLED.contains(nameOrFile)) {
      return bundled(nameOrFile);
    }
    Path file;
    try {
      file = Path.of(nameOrFile);
    } catch (InvalidPathException e) {
      throw unknown(nameOrFile);
    }
    if (!Files.isRegularFile(file)) {
      throw unknown(nameOrFile);
    }
    return TopologyLoader.load(file);
  }

  private static ConfigException unknown(String nameOrFile) {
    return new ConfigException(
        nameOrFile,
        "",
        "no bundled topology of this name and no such file; bundled topologies: "
            + String.join(", ", BUNDLED)
            + "; or give the path of a topology YAML file");
  }

  private static Topology bundled(String name) {
    String resource = RESOURCE_DIR + name + ".yaml";
    try (InputStream in = Topologies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled topology missing from the jar: " + resource);
      }
      return TopologyLoader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled:" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
