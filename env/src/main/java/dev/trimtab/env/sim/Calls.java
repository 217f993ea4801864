package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * All calls in flight, as parallel primitive arrays indexed by a recycled slot number (a root call
 * stands for its client request). A slot's generation changes when it is freed, so that stale
 * references (a child's parent link, a deadline entry) can tell that the call they named is gone.
 */
final class Calls {
  static final byte ARRIVING = 1;
  static final byte QUEUED = 2;
  static final byte RUNNING = 3;
  static final byte WAITING = 4;
  static final byte CONTINUING = 5;
  static final byte REPLYING = 6;

  /**
   * No event or queue refers to it: being handled by the current event, or lost on the network, or
   * held by a hung service (its deadline will fail it).
   */
  static final byte DETACHED = 7;

  static final byte FREE = 0;

  int[] generation;
  int[] node;
  int[] parent;
  int[] parentGeneration;
  int[] endpoint;
  int[] step;
  int[] pending;
  int[] replica;
  int[] replicaEpoch;
  byte[] state;
  boolean[] abandoned;
  double[] issueMs;
  double[] arrivalMs;
  double[] maxReturnMs;
  double[] speedCores;
  int[] promptTokens;
  int[] outputTokens;
  long[] traceIdLow;
  long[] spanId;
  long[] parentSpanId;

  private int[] free;
  private int freeCount;
  private int capacity;
  private int live;

  Calls() {
    resize(1024);
  }

  int live() {
    return live;
  }

  int allocate() {
    if (freeCount == 0) {
      int old = capacity;
      resize(capacity * 2);
      for (int c = capacity - 1; c >= old; c--) {
        free[freeCount++] = c;
      }
    }
    int c = free[--freeCount];
    live++;
    abandoned[c] = false;
    pending[c] = 0;
    step[c] = 0;
    parent[c] = -1;
    endpoint[c] = -1;
    spanId[c] = 0;
    parentSpanId[c] = 0;
    traceIdLow[c] = 0;
    arrivalMs[c] = Double.NaN;
    return c;
  }

  void release(int c) {
    state[c] = FREE;
    generation[c]++;
    free[freeCount++] = c;
    live--;
  }

  private void resize(int newCapacity) {
    int old = capacity;
    generation = grow(generation, newCapacity);
    node = grow(node, newCapacity);
    parent = grow(parent, newCapacity);
    parentGeneration = grow(parentGeneration, newCapacity);
    endpoint = grow(endpoint, newCapacity);
    step = grow(step, newCapacity);
    pending = grow(pending, newCapacity);
    replica = grow(replica, newCapacity);
    replicaEpoch = grow(replicaEpoch, newCapacity);
    state = state == null ? new byte[newCapacity] : Arrays.copyOf(state, newCapacity);
    abandoned =
        abandoned == null ? new boolean[newCapacity] : Arrays.copyOf(abandoned, newCapacity);
    issueMs = grow(issueMs, newCapacity);
    arrivalMs = grow(arrivalMs, newCapacity);
    maxReturnMs = grow(maxReturnMs, newCapacity);
    speedCores = grow(speedCores, newCapacity);
    promptTokens = grow(promptTokens, newCapacity);
    outputTokens = grow(outputTokens, newCapacity);
    traceIdLow = grow(traceIdLow, newCapacity);
    spanId = grow(spanId, newCapacity);
    parentSpanId = grow(parentSpanId, newCapacity);
    free = grow(free, newCapacity);
    capacity = newCapacity;
    if (old == 0) {
      for (int c = newCapacity - 1; c >= 0; c--) {
        free[freeCount++] = c;
      }
    }
  }

  private static int[] grow(int[] a, int n) {
    return a == null ? new int[n] : Arrays.copyOf(a, n);
  }

  private static long[] grow(long[] a, int n) {
    return a == null ? new long[n] : Arrays.copyOf(a, n);
  }

  private static double[] grow(double[] a, int n) {
    return a == null ? new double[n] : Arrays.copyOf(a, n);
  }
}
