package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The queue against java.util.PriorityQueue ordered by (time, insertion order). */
class EventQueueTest {
  private record Ref(double time, long serial, int type, int payload) {}

  @Test
  void popsInTimeThenSchedulingOrderLikeAReferenceQueue() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int round = 0; round < 24; round++) {
      EventQueue q = new EventQueue();
      PriorityQueue<Ref> ref =
          new PriorityQueue<>(Comparator.comparingDouble(Ref::time).thenComparingLong(Ref::serial));
      long serial = 0;
      double now = 0;
      // Rounds hover around different numbers of pending events, so that events cross between the
      // near list (NEAR_CAPACITY) and the far heap both ways; the last rounds grow to thousands.
      int[] targets = {
        5,
        EventQueue.NEAR_CAPACITY - 1,
        EventQueue.NEAR_CAPACITY,
        EventQueue.NEAR_CAPACITY + 1,
        3 * EventQueue.NEAR_CAPACITY,
        Integer.MAX_VALUE
      };
      int target = targets[round % targets.length];
      for (int step = 0; step < 20_000; step++) {
        boolean grow = ref.size() < target ? rng.nextInt(100) < 70 : rng.nextInt(100) < 30;
        if (ref.isEmpty() || (target == Integer.MAX_VALUE ? rng.nextInt(100) < 55 : grow)) {
          // Coarse times make many ties, which must fire in scheduling order.
          int type = rng.nextInt(8);
          int payload = rng.nextInt();
          double time;
          if (rng.nextBoolean()) {
            time = now + rng.nextInt(50);
            q.schedule(time, type, payload);
          } else {
            // mostly a fixed hop after now, sometimes earlier than the last in-order event
            time = now + (rng.nextInt(10) == 0 ? rng.nextInt(3) : 3);
            q.scheduleInOrder(time, type, payload);
          }
          ref.add(new Ref(time, serial++, type, payload));
        } else {
          Ref expected = ref.poll();
          // nothing comes strictly before the earliest event's time
          assertEquals(EventQueue.NONE, q.pollBefore(expected.time()));
          // pollBefore packs type and payload (negative payloads included) into one long
          long polled = q.pollBefore(Math.nextUp(expected.time()));
          assertEquals(expected.time(), q.polledTimeMs());
          assertEquals(expected.type(), EventQueue.type(polled));
          assertEquals(expected.payload(), EventQueue.payload(polled));
          now = expected.time();
        }
        assertEquals(ref.size(), q.size());
      }
    }
  }

  @Test
  void anEventTyingTheLatestOfAFullNearListFiresAfterIt() {
    EventQueue q = filledNearList();
    int n = EventQueue.NEAR_CAPACITY;
    q.schedule(n - 1, 0, 1000);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(i);
    }
    expected.add(1000);
    assertEquals(expected, drain(q));
  }

  @Test
  void anEarlierEventPushesTheLatestOutOfAFullNearListInOrder() {
    EventQueue q = filledNearList();
    int n = EventQueue.NEAR_CAPACITY;
    q.schedule(10, 0, 1001); // the near list's latest (n - 1) moves to the far heap
    q.schedule(n - 1, 0, 1002); // ties the far heap's first event
    q.schedule(n + 5, 0, 1003);
    q.schedule(0, 0, 1004);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(i);
      if (i == 0) {
        expected.add(1004);
      } else if (i == 10) {
        expected.add(1001);
      }
    }
    expected.addAll(List.of(1002, 1003));
    assertEquals(expected, drain(q));
  }

  /** A queue whose near list is full: payload i at time i. */
  private static EventQueue filledNearList() {
    EventQueue q = new EventQueue();
    for (int i = 0; i < EventQueue.NEAR_CAPACITY; i++) {
      q.schedule(i, 0, i);
    }
    return q;
  }

  private static List<Integer> drain(EventQueue q) {
    List<Integer> polled = new ArrayList<>();
    while (!q.isEmpty()) {
      polled.add(EventQueue.payload(q.pollBefore(Double.POSITIVE_INFINITY)));
    }
    return polled;
  }

  @Test
  void anEmptyQueueHasNothingBeforeAnyTime() {
    EventQueue q = new EventQueue();
    assertTrue(q.isEmpty());
    assertEquals(EventQueue.NONE, q.pollBefore(Double.POSITIVE_INFINITY));
    q.schedule(3, 1, 7);
    assertEquals(7, EventQueue.payload(q.pollBefore(Double.POSITIVE_INFINITY)));
    assertEquals(3, q.polledTimeMs());
    assertEquals(EventQueue.NONE, q.pollBefore(Double.POSITIVE_INFINITY));
  }
}
