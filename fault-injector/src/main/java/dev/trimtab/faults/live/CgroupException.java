package dev.trimtab.faults.live;

/** A cgroup file could not be read or written; the message names the file. */
public final class CgroupException extends RuntimeException {
  private final boolean busy;

  CgroupException(String message, Throwable cause, boolean busy) {
    super(message, cause);
    this.busy = busy;
  }

  /**
   * Whether the kernel refused because the group is busy: on cgroup v1 a memory limit below what
   * the group uses and cannot reclaim.
   */
  public boolean busy() {
    return busy;
  }
}
