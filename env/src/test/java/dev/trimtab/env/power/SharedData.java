package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates /work/shared/data through the {@code trimtab.shared.data} property; skips if absent. */
final class SharedData {
  private SharedData() {}

  static Path require(String relative) {
    String root = System.getProperty("trimtab.shared.data");
    assumeTrue(root != null, "trimtab.shared.data not set");
    Path p = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(p), "shared data absent: " + p);
    return p;
  }
}
