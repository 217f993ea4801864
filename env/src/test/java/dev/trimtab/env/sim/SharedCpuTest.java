package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The virtual-time bookkeeping of processor sharing against a direct simulation that keeps every
 * call's remaining work and lowers all of them at every event: the same arrivals and capacity
 * changes must give the same completion times, over runs long enough (and busy enough, the replica
 * seldom empty) for rounding to pile up if it could.
 */
class SharedCpuTest {
  private static final int CALLS = 20_000;

  private record Arrival(double atMs, double workCoreMs) {}

  private record CapacityChange(double atMs, double cores) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void completionTimesMatchADirectSimulationOfRemainingWork(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Arrival> arrivals = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < CALLS; i++) {
      t += -Math.log(1 - rng.nextDouble()) * 1.1; // mean gap 1.1 ms, demand 1 core-ms: ρ ≈ 0.9
      double work = i % 7 == 0 ? 5 * rng.nextDouble() : -Math.log(1 - rng.nextDouble());
      arrivals.add(new Arrival(t, work));
    }
    List<CapacityChange> changes = new ArrayList<>();
    for (double at = 50; at < t; at += 50 + 100 * rng.nextDouble()) {
      changes.add(new CapacityChange(at, 0.5 + 2.5 * rng.nextDouble()));
    }
    double[] virtual = viaVirtualTime(arrivals, changes);
    double[] direct = viaRemainingWork(arrivals, changes);
    for (int i = 0; i < CALLS; i++) {
      assertTrue(virtual[i] >= arrivals.get(i).atMs(), "call " + i + " ended before it came");
      assertEquals(direct[i], virtual[i], 1e-9 * Math.max(1, direct[i]), "call " + i);
    }
  }

  /** Drives {@link SharedCpu} as the cluster does. */
  private static double[] viaVirtualTime(List<Arrival> arrivals, List<CapacityChange> changes) {
    SharedCpu cpu = new SharedCpu();
    double[] ends = new double[arrivals.size()];
    double cores = 1;
    double nextDone = Double.NaN;
    int a = 0;
    int k = 0;
    int done = 0;
    while (done < arrivals.size()) {
      double arrival = a < arrivals.size() ? arrivals.get(a).atMs() : Double.POSITIVE_INFINITY;
      double change = k < changes.size() ? changes.get(k).atMs() : Double.POSITIVE_INFINITY;
      double completion = Double.isNaN(nextDone) ? Double.POSITIVE_INFINITY : nextDone;
      double now = Math.min(completion, Math.min(arrival, change));
      cpu.advance(now);
      if (now == completion) {
        do {
          ends[cpu.pollFirst()] = now;
          done++;
        } while (cpu.firstDone());
      } else if (now == arrival) {
        cpu.add(a, arrivals.get(a).workCoreMs());
        a++;
      } else {
        cores = changes.get(k).cores();
        k++;
      }
      nextDone = cpu.reshare(cores, now);
      assertEquals(
          cpu.size() * Math.min(1, cpu.size() == 0 ? 0 : cores / cpu.size()), cpu.busyCores, 1e-12);
    }
    return ends;
  }

  /** Every call's remaining work, lowered by its share at every event: no virtual time. */
  private static double[] viaRemainingWork(List<Arrival> arrivals, List<CapacityChange> changes) {
    double[] ends = new double[arrivals.size()];
    double[] remaining = new double[arrivals.size()];
    List<Integer> in = new ArrayList<>();
    double cores = 1;
    double now = 0;
    int a = 0;
    int k = 0;
    int done = 0;
    while (done < arrivals.size()) {
      double rate = in.isEmpty() ? 0 : Math.min(1, cores / in.size());
      int first = -1;
      for (int c : in) {
        if (first < 0 || remaining[c] < remaining[first]) {
          first = c;
        }
      }
      double completion = first < 0 ? Double.POSITIVE_INFINITY : now + remaining[first] / rate;
      double arrival = a < arrivals.size() ? arrivals.get(a).atMs() : Double.POSITIVE_INFINITY;
      double change = k < changes.size() ? changes.get(k).atMs() : Double.POSITIVE_INFINITY;
      double next = Math.min(completion, Math.min(arrival, change));
      for (int c : in) {
        remaining[c] -= rate * (next - now);
      }
      now = next;
      if (next == completion) {
        remaining[first] = 0;
        in.remove(Integer.valueOf(first));
        ends[first] = now;
        done++;
      } else if (next == arrival) {
        remaining[a] = arrivals.get(a).workCoreMs();
        in.add(a);
        a++;
      } else {
        cores = changes.get(k).cores();
        k++;
      }
    }
    return ends;
  }
}
