package dev.trimtab.faults.spec;

/** The limit a {@link MisconfiguredLimit} gets wrong: CPU in cores, memory in MiB. */
public enum LimitResource {
  CPU,
  MEMORY
}
