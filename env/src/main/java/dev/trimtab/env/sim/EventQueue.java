package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * Simulator events in primitive arrays, ordered by (time, serial): a 4-ary min-heap plus a FIFO for
 * events that arrive in time order. Four children per node halve the depth of a binary heap, and a
 * node's children sit next to each other in memory. Most events are a fixed network hop after the
 * current time (a call reaching its callee, a reply reaching its caller), so they are scheduled in
 * nondecreasing time order: {@link #scheduleInOrder} appends those to the FIFO in O(1), and the
 * earliest event is the earlier of the heap's top and the FIFO's head. The order of events is
 * exactly that of a single heap.
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

  private double[] fifoTimes = new double[1024];
  private long[] fifoSerialTypes = new long[1024];
  private int[] fifoPayloads = new int[1024];
  private int fifoHead;
  private int fifoSize;
  private double fifoTailTime = Double.NEGATIVE_INFINITY;

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

  /**
   * Schedules an event whose time is usually no earlier than the last one scheduled this way (a
   * fixed delay after the current time): it joins the FIFO then, else the heap.
   */
  void scheduleInOrder(double timeMs, int type, int payload) {
    if (timeMs < fifoTailTime) {
      schedule(timeMs, type, payload);
      return;
    }
    if (fifoSize == fifoTimes.length) {
      growFifo();
    }
    int i = (fifoHead + fifoSize) & (fifoTimes.length - 1);
    fifoTimes[i] = timeMs;
    fifoSerialTypes[i] = (nextSerial++ << TYPE_BITS) | type;
    fifoPayloads[i] = payload;
    fifoSize++;
    fifoTailTime = timeMs;
  }

  boolean isEmpty() {
    return size == 0 && fifoSize == 0;
  }

  int size() {
    return size + fifoSize;
  }

  /** Whether the earliest event is the FIFO's head rather than the heap's top. */
  private boolean fifoFirst() {
    if (fifoSize == 0) {
      return false;
    }
    if (size == 0) {
      return true;
    }
    return less(fifoTimes[fifoHead], fifoSerialTypes[fifoHead], times[0], serialTypes[0]);
  }

  /** Time of the earliest event, or +Infinity when empty. */
  double peekTime() {
    if (fifoSize == 0) {
      return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }
    double fifo = fifoTimes[fifoHead];
    return size == 0 ? fifo : Math.min(fifo, times[0]);
  }

  /**
   * Removes the earliest event and returns its type and payload in one long: {@link #type} and
   * {@link #payload} unpack it, so the FIFO and the heap are compared once per event.
   */
  long poll() {
    if (fifoFirst()) {
      int h = fifoHead;
      long packed = ((fifoSerialTypes[h] & TYPE_MASK) << 32) | (fifoPayloads[h] & 0xffffffffL);
      fifoHead = (h + 1) & (fifoTimes.length - 1);
      if (--fifoSize == 0) {
        fifoTailTime = Double.NEGATIVE_INFINITY;
      }
      return packed;
    }
    long packed = ((serialTypes[0] & TYPE_MASK) << 32) | (payloads[0] & 0xffffffffL);
    popHeap();
    return packed;
  }

  static int type(long polled) {
    return (int) (polled >>> 32);
  }

  static int payload(long polled) {
    return (int) polled;
  }

  private void popHeap() {
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

  private void growFifo() {
    int n = fifoTimes.length;
    double[] t = new double[n * 2];
    long[] st = new long[n * 2];
    int[] p = new int[n * 2];
    for (int k = 0; k < fifoSize; k++) {
      int i = (fifoHead + k) & (n - 1);
      t[k] = fifoTimes[i];
      st[k] = fifoSerialTypes[i];
      p[k] = fifoPayloads[i];
    }
    fifoTimes = t;
    fifoSerialTypes = st;
    fifoPayloads = p;
    fifoHead = 0;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    serialTypes = Arrays.copyOf(serialTypes, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }
}
