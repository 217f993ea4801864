package dev.trimtab.env.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Named subspaces: a value is a {@code Map<String, Object>} with exactly the space's keys, each
 * value inside its subspace.
 *
 * <p>Keys are kept sorted (Gymnasium sorts the keys of a plain dict too), so sampling order, {@code
 * toString} and any flattening are the same whatever map the caller built the space from; a {@code
 * Map.of} iterates in an order that changes from one JVM run to the next. Values are maps rather
 * than typed records because a record's components cannot be walked without reflection; code that
 * wants a typed view reads the map once at its edge.
 */
public final class Dict implements Space<Map<String, Object>> {
  private final Map<String, Space<?>> spaces;

  /**
   * @param spaces the subspaces by name; at least one, names non-empty, no null spaces
   */
  public Dict(Map<String, ? extends Space<?>> spaces) {
    if (spaces == null || spaces.isEmpty()) {
      throw new IllegalArgumentException("Dict needs at least one subspace");
    }
    Map<String, Space<?>> sorted = new TreeMap<>();
    for (Map.Entry<String, ? extends Space<?>> e : spaces.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
        throw new IllegalArgumentException(
            "Dict keys must be non-empty and subspaces non-null, got " + e.getKey());
      }
      sorted.put(e.getKey(), e.getValue());
    }
    this.spaces = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  /** The subspaces in key order (unmodifiable). */
  public Map<String, Space<?>> spaces() {
    return spaces;
  }

  /** The names of the subspaces in order. */
  public List<String> keys() {
    return new ArrayList<>(spaces.keySet());
  }

  /** The subspace named {@code key}. */
  public Space<?> get(String key) {
    Space<?> space = spaces.get(key);
    if (space == null) {
      throw new IllegalArgumentException("Dict has no key '" + key + "'; keys are " + keys());
    }
    return space;
  }

  @Override
  public Map<String, Object> sample(RandomGenerator random) {
    Map<String, Object> value = new LinkedHashMap<>();
    for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
      value.put(e.getKey(), e.getValue().sample(random));
    }
    return Collections.unmodifiableMap(value);
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof Map<?, ?> map) || !map.keySet().equals(spaces.keySet())) {
      return false;
    }
    for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
      if (!e.getValue().contains(map.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equalValues(Map<String, Object> first, Map<String, Object> second) {
    if (!first.keySet().equals(second.keySet())) {
      return false;
    }
    for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
      if (!equalSub(e.getValue(), first.get(e.getKey()), second.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> boolean equalSub(Space<T> space, Object first, Object second) {
    if (!space.contains(first) || !space.contains(second)) {
      return java.util.Objects.deepEquals(first, second);
    }
    return space.equalValues((T) first, (T) second);
  }

  @Override
  public String format(Map<String, Object> value) {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<String, Object> e : value.entrySet()) {
      text.append(text.length() > 1 ? ", " : "").append(e.getKey()).append('=');
      text.append(formatSub(spaces.get(e.getKey()), e.getValue()));
    }
    return text.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> String formatSub(Space<T> space, Object value) {
    if (space == null || !space.contains(value)) {
      return value instanceof double[] d ? java.util.Arrays.toString(d) : String.valueOf(value);
    }
    return space.format((T) value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Dict d && spaces.equals(d.spaces);
  }

  @Override
  public int hashCode() {
    return spaces.hashCode();
  }

  @Override
  public String toString() {
    return "Dict(" + spaces + ")";
  }
}
