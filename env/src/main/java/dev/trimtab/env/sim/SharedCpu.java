package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * Processor sharing of one replica's CPU: every call it holds runs at once, each at {@code min(1, C
 * / n)} cores with n calls and C cores of capacity (the limit times the contention factor).
 *
 * <p>Speeds change whenever a call comes or goes or the capacity changes, so completion times are
 * not fixed when a call starts. The replica keeps instead a <em>virtual time</em>: the work, in
 * core-milliseconds, that each of its calls has received since it was last empty. All calls share
 * alike, so a call that starts at virtual time V with W core-ms of work is done at virtual time
 * {@code V + W}, its finish tag, whatever happens to the speed meanwhile. The calls sit in a
 * min-heap on their tags: the smallest is the next to finish, at {@code now + (tag - V) / speed}.
 * When the speed changes, the cluster schedules a new completion event and remembers its time in
 * {@link #nextDoneMs}; an event whose time is not that one is stale and ignored, so the event queue
 * never needs a removal.
 *
 * <p>Floating point: the call with the smallest tag is always completed when its event fires, and
 * virtual time is lifted to its tag if rounding left it a hair short, so no completion is lost and
 * no remaining work goes negative. Virtual time restarts from 0 whenever the replica empties.
 */
final class SharedCpu {
  private int[] calls = new int[4];
  private double[] finishTags = new double[4];
  private double[] workCoreMs = new double[4];
  private int size;

  private double virtualCoreMs;
  private double virtualAtMs;
  private double coresPerCall;

  /** Cores the calls use together now: {@code n * min(1, C / n)}. */
  double busyCores;

  /** When the call with the smallest tag will be done at the current speed (NaN: no calls). */
  double nextDoneMs = Double.NaN;

  int size() {
    return size;
  }

  /** The call at heap position {@code i} (any order), for a crash to fail them all. */
  int call(int i) {
    return calls[i];
  }

  /** Brings virtual time up to {@code nowMs} at the current speed; call before any change. */
  void advance(double nowMs) {
    virtualCoreMs += coresPerCall * (nowMs - virtualAtMs);
    virtualAtMs = nowMs;
  }

  /** Adds a call with {@code work} core-ms to do; {@link #advance} first. */
  void add(int call, double work) {
    if (size == calls.length) {
      calls = Arrays.copyOf(calls, size * 2);
      finishTags = Arrays.copyOf(finishTags, size * 2);
      workCoreMs = Arrays.copyOf(workCoreMs, size * 2);
    }
    double tag = virtualCoreMs + work;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (finishTags[parent] <= tag) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, call, tag, work);
  }

  /** Whether the next call's work is done by the current virtual time. */
  boolean firstDone() {
    return size > 0 && finishTags[0] <= virtualCoreMs;
  }

  /** The work of the call with the smallest tag. */
  double firstWorkCoreMs() {
    return workCoreMs[0];
  }

  /**
   * Removes the call with the smallest tag and returns it, lifting virtual time to its tag if
   * rounding left it short.
   */
  int pollFirst() {
    int first = calls[0];
    virtualCoreMs = Math.max(virtualCoreMs, finishTags[0]);
    int last = --size;
    if (last > 0) {
      siftDown(calls[last], finishTags[last], workCoreMs[last]);
    } else {
      virtualCoreMs = 0;
    }
    return first;
  }

  /**
   * Sets the capacity to {@code capacityCores} for the calls held now and returns when the next one
   * will be done at that speed (NaN when none is held). {@link #advance} first.
   */
  double reshare(double capacityCores, double nowMs) {
    if (size == 0) {
      coresPerCall = 0;
      busyCores = 0;
      return Double.NaN;
    }
    coresPerCall = Math.min(1, capacityCores / size);
    busyCores = size * coresPerCall;
    return nowMs + Math.max(0, finishTags[0] - virtualCoreMs) / coresPerCall;
  }

  /** Forgets every call (a crash); the caller fails them first. */
  void clear() {
    size = 0;
    virtualCoreMs = 0;
    coresPerCall = 0;
    busyCores = 0;
    nextDoneMs = Double.NaN;
  }

  private void siftDown(int call, double tag, double work) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && finishTags[child + 1] < finishTags[child]) {
        child++;
      }
      if (finishTags[child] >= tag) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, call, tag, work);
  }

  private void move(int from, int to) {
    calls[to] = calls[from];
    finishTags[to] = finishTags[from];
    workCoreMs[to] = workCoreMs[from];
  }

  private void set(int i, int call, double tag, double work) {
    calls[i] = call;
    finishTags[i] = tag;
    workCoreMs[i] = work;
  }
}
