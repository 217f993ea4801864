package dev.trimtab.env.api;

/**
 * A typed key into a {@link StepInfo}: the key carries the type of its value, so {@code
 * info.get(key)} needs no cast. Keys compare by identity, like OpenTelemetry's {@code ContextKey}:
 * whoever defines a key (an env, a wrapper) holds it in a {@code static final} field, and two keys
 * that share a name are still different keys.
 *
 * @param <T> the type of the value stored under this key; make it immutable
 */
public final class InfoKey<T> {
  private final String name;

  private InfoKey(String name) {
    this.name = name;
  }

  /** A new key; {@code name} is for messages and {@code toString} only. */
  public static <T> InfoKey<T> named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("InfoKey name must not be blank");
    }
    return new InfoKey<>(name);
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
