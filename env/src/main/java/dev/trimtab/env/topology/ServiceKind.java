package dev.trimtab.env.topology;

/** Where a service's operations run: on CPU cores, or on a GPU at a chosen SM frequency. */
public enum ServiceKind {
  CPU,
  GPU
}
