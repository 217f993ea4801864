package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * All calls in flight, indexed by a recycled slot number (a root call stands for its client
 * request). A slot's generation changes when it is freed, so that stale references (a child's
 * parent link, a deadline entry) can tell that the call they named is gone.
 *
 * <p>A call's fields sit together: its int fields in one 64-byte record of {@link #ints} and its
 * times in one 32-byte record of {@link #doubles}, so handling an event touches one or two cache
 * lines of the call rather than one per field. Span ids, read only for sampled requests, are kept
 * apart.
 *
 * <p>Calls also keep, per callee, the list of calls <em>watched</em> for a timeout: those sent to
 * it and not yet answered or failed, in the order they were sent. Every call to one callee has the
 * same timeout, so the list's first call is the next to time out. A call leaves its list when it is
 * abandoned, freed or {@link #unwatch unwatched} (its reply is on its way).
 */
final class Calls {
  static final int ARRIVING = 1;
  static final int QUEUED = 2;
  static final int RUNNING = 3;
  static final int WAITING = 4;
  static final int CONTINUING = 5;
  static final int REPLYING = 6;

  /**
   * No event or queue refers to it: being handled by the current event, or lost on the network, or
   * held by a hung service (its deadline will fail it).
   */
  static final int DETACHED = 7;

  static final int FREE = 0;

  // The int record.
  private static final int INT_SHIFT = 4; // 16 ints
  private static final int GENERATION = 0;
  private static final int NODE = 1;
  private static final int PARENT = 2;
  private static final int PARENT_GENERATION = 3;
  private static final int ENDPOINT = 4;
  private static final int STEP = 5;
  private static final int PENDING = 6;
  private static final int REPLICA = 7;
  private static final int REPLICA_EPOCH = 8;
  private static final int PROMPT_TOKENS = 9;
  private static final int OUTPUT_TOKENS = 10;
  private static final int STATE = 11;
  private static final int FLAGS = 12;
  private static final int WATCH_LIST = 13;
  private static final int WATCH_PREV = 14;
  private static final int WATCH_NEXT = 15;

  private static final int ABANDONED_FLAG = 1;
  private static final int TRACED_FLAG = 2;

  /** WATCH_LIST of a call in no list. */
  private static final int UNWATCHED = -1;

  // The double record.
  private static final int DOUBLE_SHIFT = 2; // 4 doubles
  private static final int ISSUE_MS = 0;
  private static final int ARRIVAL_MS = 1;
  private static final int MAX_RETURN_MS = 2;
  private static final int SPEED_CORES = 3;

  private int[] ints;
  private double[] doubles;
  private long[] traceIdLow;
  private long[] spanId;
  private long[] parentSpanId;

  private final int[] watchHead;
  private final int[] watchTail;

  private int[] free;
  private int freeCount;
  private int capacity;
  private int live;

  /** Calls to {@code lists} callees, numbered from 0. */
  Calls(int lists) {
    watchHead = new int[lists];
    watchTail = new int[lists];
    Arrays.fill(watchHead, -1);
    Arrays.fill(watchTail, -1);
    resize(1024);
  }

  int live() {
    return live;
  }

  /** A free slot, its call not yet sent: no parent, no endpoint, step 0, not traced. */
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
    int at = c << INT_SHIFT;
    ints[at + FLAGS] = 0;
    ints[at + PENDING] = 0;
    ints[at + STEP] = 0;
    ints[at + PARENT] = -1;
    ints[at + ENDPOINT] = -1;
    ints[at + WATCH_LIST] = UNWATCHED;
    doubles[(c << DOUBLE_SHIFT) + ARRIVAL_MS] = Double.NaN;
    return c;
  }

  /**
   * A free slot for a call that {@code parent} makes to {@code node}: its child as the parent is
   * now, for the same endpoint and with the same tokens.
   */
  int allocateChild(int parent, int node) {
    int c = allocate();
    int at = c << INT_SHIFT;
    int from = parent << INT_SHIFT;
    ints[at + NODE] = node;
    ints[at + PARENT] = parent;
    ints[at + PARENT_GENERATION] = ints[from + GENERATION];
    ints[at + ENDPOINT] = ints[from + ENDPOINT];
    ints[at + PROMPT_TOKENS] = ints[from + PROMPT_TOKENS];
    ints[at + OUTPUT_TOKENS] = ints[from + OUTPUT_TOKENS];
    return c;
  }

  void release(int c) {
    unwatch(c);
    int at = c << INT_SHIFT;
    ints[at + STATE] = FREE;
    ints[at + GENERATION]++;
    free[freeCount++] = c;
    live--;
  }

  int generation(int c) {
    return ints[(c << INT_SHIFT) + GENERATION];
  }

  /** The call-tree node (service operation) the call runs. */
  int node(int c) {
    return ints[(c << INT_SHIFT) + NODE];
  }

  void setNode(int c, int node) {
    ints[(c << INT_SHIFT) + NODE] = node;
  }

  /** The caller's slot, or -1 for a root call. */
  int parent(int c) {
    return ints[(c << INT_SHIFT) + PARENT];
  }

  /** The caller's generation when it made the call. */
  int parentGeneration(int c) {
    return ints[(c << INT_SHIFT) + PARENT_GENERATION];
  }

  int endpoint(int c) {
    return ints[(c << INT_SHIFT) + ENDPOINT];
  }

  void setEndpoint(int c, int endpoint) {
    ints[(c << INT_SHIFT) + ENDPOINT] = endpoint;
  }

  /** Index of the call's current step among its node's steps (-1 before the first). */
  int step(int c) {
    return ints[(c << INT_SHIFT) + STEP];
  }

  void setStep(int c, int step) {
    ints[(c << INT_SHIFT) + STEP] = step;
  }

  /** Child calls of the current step not yet returned; decremented, then returned. */
  int decrementPending(int c) {
    return --ints[(c << INT_SHIFT) + PENDING];
  }

  void setPending(int c, int pending) {
    ints[(c << INT_SHIFT) + PENDING] = pending;
  }

  /** The replica running or queueing the call. */
  int replica(int c) {
    return ints[(c << INT_SHIFT) + REPLICA];
  }

  void setReplica(int c, int replica) {
    ints[(c << INT_SHIFT) + REPLICA] = replica;
  }

  /** The replica's epoch when the call started running: a crash since makes it stale. */
  int replicaEpoch(int c) {
    return ints[(c << INT_SHIFT) + REPLICA_EPOCH];
  }

  void setReplicaEpoch(int c, int epoch) {
    ints[(c << INT_SHIFT) + REPLICA_EPOCH] = epoch;
  }

  int promptTokens(int c) {
    return ints[(c << INT_SHIFT) + PROMPT_TOKENS];
  }

  int outputTokens(int c) {
    return ints[(c << INT_SHIFT) + OUTPUT_TOKENS];
  }

  void setTokens(int c, int prompt, int output) {
    int at = c << INT_SHIFT;
    ints[at + PROMPT_TOKENS] = prompt;
    ints[at + OUTPUT_TOKENS] = output;
  }

  int state(int c) {
    return ints[(c << INT_SHIFT) + STATE];
  }

  void setState(int c, int state) {
    ints[(c << INT_SHIFT) + STATE] = state;
  }

  /** Failed, or its request failed: its events and replies are ignored. */
  boolean abandoned(int c) {
    return (ints[(c << INT_SHIFT) + FLAGS] & ABANDONED_FLAG) != 0;
  }

  void abandon(int c) {
    ints[(c << INT_SHIFT) + FLAGS] |= ABANDONED_FLAG;
    unwatch(c);
  }

  /** Appends {@code c} to the watch list of callee {@code list}. */
  void watch(int c, int list) {
    int at = c << INT_SHIFT;
    int tail = watchTail[list];
    ints[at + WATCH_LIST] = list;
    ints[at + WATCH_PREV] = tail;
    ints[at + WATCH_NEXT] = -1;
    if (tail < 0) {
      watchHead[list] = c;
    } else {
      ints[(tail << INT_SHIFT) + WATCH_NEXT] = c;
    }
    watchTail[list] = c;
  }

  /** Takes {@code c} out of its watch list, if it is in one. */
  void unwatch(int c) {
    int at = c << INT_SHIFT;
    int list = ints[at + WATCH_LIST];
    if (list == UNWATCHED) {
      return;
    }
    int prev = ints[at + WATCH_PREV];
    int next = ints[at + WATCH_NEXT];
    if (prev < 0) {
      watchHead[list] = next;
    } else {
      ints[(prev << INT_SHIFT) + WATCH_NEXT] = next;
    }
    if (next < 0) {
      watchTail[list] = prev;
    } else {
      ints[(next << INT_SHIFT) + WATCH_PREV] = prev;
    }
    ints[at + WATCH_LIST] = UNWATCHED;
  }

  /** The longest-watched call of callee {@code list}, or -1. */
  int firstWatched(int list) {
    return watchHead[list];
  }

  /** When the caller sent it (for a root call, when the client did). */
  double issueMs(int c) {
    return doubles[(c << DOUBLE_SHIFT) + ISSUE_MS];
  }

  void setIssueMs(int c, double ms) {
    doubles[(c << DOUBLE_SHIFT) + ISSUE_MS] = ms;
  }

  /** When it reached its service, or NaN before. */
  double arrivalMs(int c) {
    return doubles[(c << DOUBLE_SHIFT) + ARRIVAL_MS];
  }

  void setArrivalMs(int c, double ms) {
    doubles[(c << DOUBLE_SHIFT) + ARRIVAL_MS] = ms;
  }

  /** The latest time a reply of the current step reaches the call. */
  double maxReturnMs(int c) {
    return doubles[(c << DOUBLE_SHIFT) + MAX_RETURN_MS];
  }

  void setMaxReturnMs(int c, double ms) {
    doubles[(c << DOUBLE_SHIFT) + MAX_RETURN_MS] = ms;
  }

  /** Cores its CPU burst runs at (a GPU call: its speed relative to the top clock). */
  double speedCores(int c) {
    return doubles[(c << DOUBLE_SHIFT) + SPEED_CORES];
  }

  void setSpeedCores(int c, double cores) {
    doubles[(c << DOUBLE_SHIFT) + SPEED_CORES] = cores;
  }

  /** Whether the call's request is sampled for tracing: then it has span ids. */
  boolean traced(int c) {
    return (ints[(c << INT_SHIFT) + FLAGS] & TRACED_FLAG) != 0;
  }

  /** Samples the call for tracing with these ids (parent span 0 for a root call). */
  void trace(int c, long traceIdLow, long spanId, long parentSpanId) {
    ints[(c << INT_SHIFT) + FLAGS] |= TRACED_FLAG;
    this.traceIdLow[c] = traceIdLow;
    this.spanId[c] = spanId;
    this.parentSpanId[c] = parentSpanId;
  }

  long traceIdLow(int c) {
    return traceIdLow[c];
  }

  long spanId(int c) {
    return spanId[c];
  }

  long parentSpanId(int c) {
    return parentSpanId[c];
  }

  private void resize(int newCapacity) {
    int old = capacity;
    ints = grow(ints, newCapacity << INT_SHIFT);
    doubles =
        doubles == null
            ? new double[newCapacity << DOUBLE_SHIFT]
            : Arrays.copyOf(doubles, newCapacity << DOUBLE_SHIFT);
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
}
