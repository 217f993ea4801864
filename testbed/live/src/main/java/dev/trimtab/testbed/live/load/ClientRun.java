package dev.trimtab.testbed.live.load;

import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients' side of a run, interval by interval: which requests were meant to leave in the
 * interval (arrivals) and which ended in it, cut at the interval's end by their own timestamps
 * (answers that end later wait for the next interval).
 */
public final class ClientRun {
  private final Topology topology;
  private final LoadGenerator load;
  private final List<RequestRecord> carried = new ArrayList<>();

  /**
   * @param topology whose endpoints' SLOs judge the latencies
   */
  public ClientRun(Topology topology, LoadGenerator load) {
    this.topology = topology;
    this.load = load;
  }

  public LoadGenerator load() {
    return load;
  }

  /** What clients saw up to {@code endNanos} ({@link System#nanoTime()}) since the last cut. */
  public ClientWindow cut(long endNanos) {
    ClientWindow w = new ClientWindow(topology.endpoints());
    for (long[] a : load.drainArrivals(endNanos)) {
      w.arrived((int) a[0]);
    }
    List<RequestRecord> ended = new ArrayList<>(carried);
    carried.clear();
    ended.addAll(load.drainEnded());
    for (RequestRecord r : ended) {
      if (r.doneNanos() < endNanos) {
        w.ended(r);
      } else {
        carried.add(r);
      }
    }
    return w;
  }
}
