package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * Simulator events in primitive arrays, ordered by (time, serial), in three parts that together
 * behave exactly like one priority queue:
 *
 * <ul>
 *   <li><b>The FIFO</b> holds events scheduled in nondecreasing time order: most events are a fixed
 *       network hop after the current time (a call reaching its callee, a reply reaching its
 *       caller), and {@link #scheduleInOrder} appends those in O(1).
 *   <li><b>The near list</b> holds up to {@value #NEAR_CAPACITY} of the earliest other events (CPU
 *       bursts ending, mostly), sorted latest first so that the earliest is popped from the end. A
 *       new burst usually ends soon, so inserting it moves only the few events that end before it;
 *       unlike a heap, neither end takes a comparison whose outcome the branch predictor cannot
 *       guess.
 *   <li><b>The far heap</b>, a 4-ary min-heap (half the depth of a binary one, a node's children
 *       side by side in memory), holds what does not fit in the near list. Every far event comes
 *       after every near event, so the heap is looked at only when the near list is empty, and then
 *       its earliest events refill half the near list; it takes over when many events are pending
 *       (thousands of busy servers), where a sorted list would cost too much to insert into.
 * </ul>
 *
 * <p>The serial number is assigned at scheduling, so events at equal times fire in the order they
 * were scheduled: ties are deterministic. Nothing is allocated per event once the arrays have grown
 * to the run's peak.
 */
final class EventQueue {
  static final int NEAR_CAPACITY = 64;

  private static final int TYPE_BITS = 4;
  private static final long TYPE_MASK = (1L << TYPE_BITS) - 1;

  /** What {@link #pollBefore} returns when no event comes before the limit. */
  static final long NONE = -1;

  private long nextSerial;
  private double polledTimeMs;

  private final double[] nearTimes = new double[NEAR_CAPACITY];
  private final long[] nearSerialTypes = new long[NEAR_CAPACITY];
  private final int[] nearPayloads = new int[NEAR_CAPACITY];
  private int nearSize;

  private double[] times = new double[256];
  private long[] serialTypes = new long[256];
  private int[] payloads = new int[256];
  private int size;

  private double[] fifoTimes = new double[1024];
  private long[] fifoSerialTypes = new long[1024];
  private int[] fifoPayloads = new int[1024];
  private int fifoHead;
  private int fifoSize;
  private double fifoTailTime = Double.NEGATIVE_INFINITY;

  void schedule(double timeMs, int type, int payload) {
    long serialType = (nextSerial++ << TYPE_BITS) | type;
    if (size > 0 && timeMs >= times[0]) {
      // not earlier than the far heap's first event (scheduled before, so it wins a tie)
      pushFar(timeMs, serialType, payload);
      return;
    }
    if (nearSize == NEAR_CAPACITY) {
      if (timeMs >= nearTimes[0]) {
        pushFar(timeMs, serialType, payload);
        return;
      }
      evictLatestNear();
    }
    // Move the near events at or before timeMs (all scheduled earlier) one place toward the end.
    int i = nearSize - 1;
    while (i >= 0 && nearTimes[i] <= timeMs) {
      nearTimes[i + 1] = nearTimes[i];
      nearSerialTypes[i + 1] = nearSerialTypes[i];
      nearPayloads[i + 1] = nearPayloads[i];
      i--;
    }
    nearTimes[i + 1] = timeMs;
    nearSerialTypes[i + 1] = serialType;
    nearPayloads[i + 1] = payload;
    nearSize++;
  }

  /**
   * Moves the earliest far events into the empty near list, half filling it. Without this, once the
   * near list ran dry with near-term events in the far heap, every new event later than the heap's
   * first would join the heap too, and the queue would stay a heap for as long as it held anything.
   */
  private void refillNear() {
    int n = Math.min(NEAR_CAPACITY / 2, size);
    for (int i = n - 1; i >= 0; i--) {
      nearTimes[i] = times[0];
      nearSerialTypes[i] = serialTypes[0];
      nearPayloads[i] = payloads[0];
      popFar();
    }
    nearSize = n;
  }

  /** Moves the latest near event to the far heap, where it becomes the first. */
  private void evictLatestNear() {
    pushFar(nearTimes[0], nearSerialTypes[0], nearPayloads[0]);
    int n = --nearSize;
    System.arraycopy(nearTimes, 1, nearTimes, 0, n);
    System.arraycopy(nearSerialTypes, 1, nearSerialTypes, 0, n);
    System.arraycopy(nearPayloads, 1, nearPayloads, 0, n);
  }

  /**
   * Schedules an event whose time is usually no earlier than the last one scheduled this way (a
   * fixed delay after the current time): it joins the FIFO then, else the other parts.
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
    return size() == 0;
  }

  int size() {
    return nearSize + size + fifoSize;
  }

  /**
   * Removes the earliest event if it comes strictly before {@code limitMs}: returns its type and
   * payload in one long ({@link #type} and {@link #payload} unpack it; {@link #polledTimeMs} is its
   * time), or {@link #NONE}. The parts are compared once per event.
   */
  long pollBefore(double limitMs) {
    if (nearSize == 0 && size > 0) {
      refillNear();
    }
    if (nearSize > 0) {
      int last = nearSize - 1;
      double time = nearTimes[last];
      if (fifoSize == 0
          || less(time, nearSerialTypes[last], fifoTimes[fifoHead], fifoSerialTypes[fifoHead])) {
        if (!(time < limitMs)) {
          return NONE;
        }
        nearSize = last;
        polledTimeMs = time;
        return pack(nearSerialTypes[last], nearPayloads[last]);
      }
    } else if (size > 0) {
      double time = times[0];
      if (fifoSize == 0
          || less(time, serialTypes[0], fifoTimes[fifoHead], fifoSerialTypes[fifoHead])) {
        if (!(time < limitMs)) {
          return NONE;
        }
        polledTimeMs = time;
        long packed = pack(serialTypes[0], payloads[0]);
        popFar();
        return packed;
      }
    } else if (fifoSize == 0) {
      return NONE;
    }
    int h = fifoHead;
    double time = fifoTimes[h];
    if (!(time < limitMs)) {
      return NONE;
    }
    polledTimeMs = time;
    long packed = pack(fifoSerialTypes[h], fifoPayloads[h]);
    fifoHead = (h + 1) & (fifoTimes.length - 1);
    if (--fifoSize == 0) {
      fifoTailTime = Double.NEGATIVE_INFINITY;
    }
    return packed;
  }

  /** The time of the event {@link #pollBefore} last returned. */
  double polledTimeMs() {
    return polledTimeMs;
  }

  private static long pack(long serialType, int payload) {
    return ((serialType & TYPE_MASK) << 32) | (payload & 0xffffffffL);
  }

  static int type(long polled) {
    return (int) (polled >>> 32);
  }

  static int payload(long polled) {
    return (int) polled;
  }

  private void pushFar(double timeMs, long serialType, int payload) {
    if (size == times.length) {
      grow();
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!less(timeMs, serialType, times[parent], serialTypes[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, timeMs, serialType, payload);
  }

  private void popFar() {
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
        if (less(times[k], serialTypes[k], times[child], serialTypes[child])) {
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
