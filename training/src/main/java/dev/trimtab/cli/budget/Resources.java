package dev.trimtab.cli.budget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run may use on this machine: the JVM's heap and the free disk where it writes.
 *
 * @param maxHeapBytes the most heap this JVM may grow to ({@code -Xmx})
 * @param usedHeapBytes heap in use before the run starts
 * @param freeDiskBytes bytes this process may still write to the output folder's file system
 * @param outFolder the output folder, for messages (null when the run writes nothing)
 */
public record Resources(long maxHeapBytes, long usedHeapBytes, long freeDiskBytes, Path outFolder) {

  /** This JVM's heap, and the free disk of {@code outFolder} (or its nearest existing parent). */
  public static Resources here(Path outFolder) {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    return new Resources(rt.maxMemory(), used, freeDisk(outFolder), outFolder);
  }

  /** This JVM's heap, for a run that writes no files. */
  public static Resources heapOnly() {
    Runtime rt = Runtime.getRuntime();
    return new Resources(rt.maxMemory(), rt.totalMemory() - rt.freeMemory(), Long.MAX_VALUE, null);
  }

  /** Heap a run may still take. */
  public long freeHeapBytes() {
    return Math.max(0, maxHeapBytes - usedHeapBytes);
  }

  private static long freeDisk(Path folder) {
    if (folder == null) {
      return Long.MAX_VALUE;
    }
    for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        try {
          return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
          return Long.MAX_VALUE;
        }
      }
    }
    return Long.MAX_VALUE;
  }
}
