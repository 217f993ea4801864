package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heap against java.util.PriorityQueue ordered by (time, insertion order). */
class EventQueueTest {
  private record Ref(double time, long serial, int type, int payload) {}

  @Test
  void popsInTimeThenSchedulingOrderLikeAReferenceQueue() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int round = 0; round < 20; round++) {
      EventQueue q = new EventQueue();
      PriorityQueue<Ref> ref =
          new PriorityQueue<>(Comparator.comparingDouble(Ref::time).thenComparingLong(Ref::serial));
      long serial = 0;
      double now = 0;
      for (int step = 0; step < 20_000; step++) {
        if (ref.isEmpty() || rng.nextInt(100) < 55) {
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
          assertEquals(expected.time(), q.peekTime());
          // poll packs type and payload (negative payloads included) into one long
          long polled = q.poll();
          assertEquals(expected.type(), EventQueue.type(polled));
          assertEquals(expected.payload(), EventQueue.payload(polled));
          now = expected.time();
        }
        assertEquals(ref.size(), q.size());
      }
    }
  }

  @Test
  void emptyQueuePeeksInfinity() {
    EventQueue q = new EventQueue();
    assertTrue(q.isEmpty());
    assertEquals(Double.POSITIVE_INFINITY, q.peekTime());
    q.schedule(3, 1, 7);
    assertEquals(7, EventQueue.payload(q.poll()));
    assertEquals(Double.POSITIVE_INFINITY, q.peekTime());
  }
}
