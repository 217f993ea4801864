package dev.trimtab.env.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real measured data lives for tests ({@code ../shared/data} beside the project root, or
 * the {@code trimtab.shared.data} system property the build sets), and the one rule for a test that
 * needs it: when the data is missing the test is skipped on a developer's machine, but fails under
 * {@code CI=true}, so that a CI without the data cannot stay green with every real-data check gone.
 */
public final class SharedData {
  private SharedData() {}

  /** The data root, whether or not it exists. */
  public static Path root() {
    String property = System.getProperty("trimtab.shared.data");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("TRIMTAB_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // Surefire runs a module's tests from the module folder: the project root is its parent.
    return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
  }

  /**
   * The file or folder {@code relative} to the data root; skips the calling test if it is missing,
   * or fails it when the environment variable {@code CI} is {@code true}.
   */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      String message =
          "real data missing: "
              + p
              + " (set -Dtrimtab.shared.data or TRIMTAB_SHARED_DATA to the shared/data folder)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true requires it");
      }
      assumeTrue(false, message);
    }
    return p;
  }
}
