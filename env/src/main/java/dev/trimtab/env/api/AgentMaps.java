package dev.trimtab.env.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Ordered, unmodifiable copies and views of per-agent maps. */
final class AgentMaps {
  private AgentMaps() {}

  /** An unmodifiable copy that keeps {@code map}'s iteration order; rejects null keys or values. */
  static <K, V> Map<K, V> copyOrdered(Map<K, V> map, String what) {
    if (map == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    Map<K, V> copy = new LinkedHashMap<>();
    for (Map.Entry<K, V> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(what + " must not hold null keys or values");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /** {@code map} with each value replaced by {@code f(value)}, in the same order. */
  static <K, V, W> Map<K, W> mapValues(Map<K, V> map, Function<V, W> f) {
    Map<K, W> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, f.apply(v)));
    return Collections.unmodifiableMap(out);
  }
}
