package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * A 4-ary min-heap of simulator events in primitive arrays, ordered by (time, serial). Four
 * children per node halve the depth of a binary heap, and a node's children sit next to each other
 * in memory, which makes {@link #pop} (the hot operation) cheaper.
 *
 * <p>The serial number is assigned at scheduling, so events at equal times fire in the order they
 * were scheduled: ties are deterministic. Nothing is allocated per event once the arrays have grown
 * to the run's peak.
 */
final class EventQueue {
  private double[] times = new double[1024];
  private long[] serialTypes = new long[1024];
  private int[] payloads = new int[1024];
  private int size;
  private long nextSerial;

  private static final int TYPE_BITS = 4;
  private static final long TYPE_MASK = (1L << TYPE_BITS) - 1;

  void schedule(double timeMs, int type, int payload) {
    if (size == times.length) {
      grow();
    }
    long serialType = (nextSerial++ << TYPE_BITS) | type;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!less(timeMs, serialType, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, timeMs, serialType, payload);
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Time of the earliest event, or +Infinity when empty. */
  double peekTime() {
    return size == 0 ? Double.POSITIVE_INFINITY : times[0];
  }

  int peekType() {
    return (int) (serialTypes[0] & TYPE_MASK);
  }

  int peekPayload() {
    return payloads[0];
  }

  /** Removes the earliest event; read it first with the peek methods. */
  void pop() {
    int last = --size;
    double time = times[last];
    long serialType = serialTypes[last];
    int payload = payloads[last];
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= size) {
        break;
      }
      int child = first;
      int end = Math.min(first + 4, size);
      for (int k = first + 1; k < end; k++) {
        if (less(times[k], serialTypes[k], child)) {
          child = k;
        }
      }
      if (!less(times[child], serialTypes[child], time, serialType)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, time, serialType, payload);
  }

  private boolean less(double time, long serialType, int index) {
    return less(time, serialType, times[index], serialTypes[index]);
  }

  private static boolean less(
      double time, long serialType, double otherTime, long otherSerialType) {
    return time < otherTime || (time == otherTime && serialType < otherSerialType);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    serialTypes[to] = serialTypes[from];
    payloads[to] = payloads[from];
  }

  private void set(int i, double time, long serialType, int payload) {
    times[i] = time;
    serialTypes[i] = serialType;
    payloads[i] = payload;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    serialTypes = Arrays.copyOf(serialTypes, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }
}
