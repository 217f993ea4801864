package dev.trimtab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of this build: the project version, plus {@code git describe} when the build ran in a
 * git checkout (both filled into {@code version.properties} by Maven resource filtering).
 */
public final class VersionInfo implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** For example {@code 0.1.0-SNAPSHOT (c5a9a9a-dirty)}, or just the version outside git. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = filled(p.getProperty("version"), "unknown");
    String git = filled(p.getProperty("git"), "");
    return git.isEmpty() ? version : version + " (" + git + ")";
  }

  private static String filled(String value, String otherwise) {
    return value == null || value.isBlank() || value.startsWith("${") ? otherwise : value.trim();
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "trimtab " + version(),
      "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
