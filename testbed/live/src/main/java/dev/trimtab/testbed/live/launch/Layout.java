package dev.trimtab.testbed.live.launch;

import dev.trimtab.env.config.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the testbed's files are: the service jar ({@code testbed/target/trimtab-testbed.jar}) and
 * the OpenTelemetry Java agent the build copied beside it. Found from {@code TRIMTAB_TESTBED_JAR}
 * (or the system property {@code trimtab.testbed.jar}), else from the source tree this code runs
 * from, else from the working folder.
 *
 * @param agentJar null to run without the agent (no telemetry)
 */
public record Layout(Path serviceJar, Path agentJar) {
  public static final String JAR_ENV = "TRIMTAB_TESTBED_JAR";
  public static final String JAR_PROPERTY = "trimtab.testbed.jar";
  static final String RELATIVE = "testbed/target/trimtab-testbed.jar";
  static final String AGENT = "opentelemetry-javaagent.jar";

  /** Finds the jars, or fails saying how to build them. */
  public static Layout find() {
    String given = System.getProperty(JAR_PROPERTY, System.getenv(JAR_ENV));
    Path jar = given != null && !given.isBlank() ? Path.of(given) : search();
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new ConfigException(
          given != null ? given : RELATIVE,
          "",
          "the testbed service jar is missing; build it with ./mvnw -q -pl testbed -am package"
              + " -DskipTests (or point "
              + JAR_ENV
              + " at it)");
    }
    Path agent = jar.toAbsolutePath().getParent().resolve(AGENT);
    if (!Files.isRegularFile(agent)) {
      throw new ConfigException(
          agent.toString(),
          "",
          "the OpenTelemetry agent is missing beside the service jar; the testbed build copies it"
              + " from Maven Central (./mvnw -q -pl testbed -am package -DskipTests)");
    }
    return new Layout(jar.toAbsolutePath(), agent);
  }

  private static Path search() {
    try {
      Path here = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = here; p != null; p = p.getParent()) {
        Path candidate = p.resolve(RELATIVE);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working folder
    }
    Path candidate = Path.of("").toAbsolutePath();
    for (Path p = candidate; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(RELATIVE))) {
        return p.resolve(RELATIVE);
      }
    }
    return null;
  }

  /** The same layout without the agent: services run without OpenTelemetry. */
  public Layout withoutAgent() {
    return new Layout(serviceJar, null);
  }
}
