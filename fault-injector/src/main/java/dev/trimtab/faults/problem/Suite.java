package dev.trimtab.faults.problem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named, ordered set of problems: the problems of a folder, sorted by file name.
 *
 * @param source where it came from ({@code bundled:chaos-basic} or the folder's path)
 */
public record Suite(String name, String source, List<Problem> problems) {

  public Suite {
    problems = List.copyOf(problems);
    Set<String> names = new HashSet<>();
    for (Problem p : problems) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("two problems named '" + p.name() + "' in " + source);
      }
    }
  }

  /** The problem called {@code name}, or null. */
  public Problem problem(String name) {
    return problems.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
