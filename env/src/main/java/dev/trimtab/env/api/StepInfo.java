package dev.trimtab.env.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Extra information from a reset or step, held under typed {@link InfoKey}s.
 *
 * <p>Why not a fixed record: wrappers add facts (episode statistics) without changing the type of
 * the env they wrap, as Gymnasium's info dict allows. Why not {@code Map<String, Object>}: every
 * entry is typed by its key, so a reader gets an {@code IntervalMetrics} or {@link EpisodeStats},
 * not an {@code Object} to cast, and a misspelt key is a compile error. Instances are immutable;
 * {@link #with} returns a new one. Values should be immutable too.
 */
public final class StepInfo {
  private static final StepInfo EMPTY = new StepInfo(Map.of());

  private final Map<InfoKey<?>, Object> entries;

  private StepInfo(Map<InfoKey<?>, Object> entries) {
    this.entries = entries;
  }

  /**
   * The info with no entries (one shared instance, so an env with nothing to say allocates none).
   */
  public static StepInfo empty() {
    return EMPTY;
  }

  /** An info with one entry. */
  public static <T> StepInfo of(InfoKey<T> key, T value) {
    return EMPTY.with(key, value);
  }

  /** A copy of this info with {@code value} under {@code key}, replacing any earlier value. */
  public <T> StepInfo with(InfoKey<T> key, T value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("StepInfo key and value must not be null");
    }
    Map<InfoKey<?>, Object> copy = new LinkedHashMap<>(entries);
    copy.put(key, value);
    return new StepInfo(Collections.unmodifiableMap(copy));
  }

  /** The value under {@code key}, if any. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(InfoKey<T> key) {
    return Optional.ofNullable((T) entries.get(key));
  }

  /** The statistics of the episode that ended at this step, when a wrapper recorded them. */
  public Optional<EpisodeStats> episode() {
    return get(EpisodeStats.KEY);
  }

  /** The keys present, in insertion order. */
  public Set<InfoKey<?>> keys() {
    return entries.keySet();
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepInfo s && entries.equals(s.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "StepInfo" + entries;
  }
}
