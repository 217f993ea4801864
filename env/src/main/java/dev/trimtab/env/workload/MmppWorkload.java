package dev.trimtab.env.workload;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A bursty Markov-modulated Poisson process. A hidden state i holds for an exponential time of mean
 * {@code meanSojournS[i]}, then jumps to another state chosen uniformly; while in state i, requests
 * arrive as a Poisson process of rate {@code ratesPerS[i]}. With uniform jumps the time share of
 * state i is {@code meanSojournS[i] / sum(meanSojournS)}, so the long-run mean rate is the
 * sojourn-weighted mean of the rates; counts are over-dispersed (variance above the mean) whenever
 * the rates differ. Each stream starts in a state drawn from that stationary distribution.
 *
 * @param ratesPerS rate in each state (>= 0, at least one > 0), two or more states
 * @param meanSojournS mean time in each state (> 0), one per state
 */
public record MmppWorkload(
    List<Double> ratesPerS, List<Double> meanSojournS, WorkloadOptions options)
    implements WorkloadSpec {

  public MmppWorkload {
    ratesPerS = List.copyOf(ratesPerS);
    meanSojournS = List.copyOf(meanSojournS);
    if (ratesPerS.size() < 2 || ratesPerS.size() != meanSojournS.size()) {
      throw new IllegalArgumentException("need two or more states, one sojourn per rate");
    }
    for (int i = 0; i < ratesPerS.size(); i++) {
      double rate = ratesPerS.get(i);
      double sojourn = meanSojournS.get(i);
      if (!(rate >= 0 && Double.isFinite(rate) && sojourn > 0 && Double.isFinite(sojourn))) {
        throw new IllegalArgumentException("rates must be >= 0 and sojourns > 0");
      }
    }
    if (ratesPerS.stream().allMatch(r -> r == 0)) {
      throw new IllegalArgumentException("at least one rate must be > 0");
    }
  }

  /** Long-run share of time in state i. */
  public double stationaryShare(int state) {
    double total = meanSojournS.stream().mapToDouble(Double::doubleValue).sum();
    return meanSojournS.get(state) / total;
  }

  /** Long-run mean rate: sum of stationaryShare(i) x ratesPerS[i]. */
  public double stationaryRatePerS() {
    double mean = 0;
    for (int i = 0; i < ratesPerS.size(); i++) {
      mean += stationaryShare(i) * ratesPerS.get(i);
    }
    return mean;
  }

  @Override
  public ArrivalStream open(RandomGenerator rng) {
    return new MmppStream(this, rng);
  }

  @Override
  public String kind() {
    return "mmpp";
  }

  @Override
  public double patternCount(double fromS, double toS) {
    return stationaryRatePerS() * (toS - fromS);
  }

  @Override
  public double windowPatternRatePerS() {
    return stationaryRatePerS();
  }

  @Override
  public WorkloadSpec withOptions(WorkloadOptions newOptions) {
    return new MmppWorkload(ratesPerS, meanSojournS, newOptions);
  }

  @Override
  public String describe() {
    return "mmpp rates "
        + ratesPerS
        + " req/s, mean sojourns "
        + meanSojournS
        + " s (mean "
        + WorkloadOptions.num(stationaryRatePerS())
        + " req/s)"
        + options.describeSuffix();
  }

  /** Exponential gaps at the current state's rate; a gap crossing a switch restarts there. */
  private static final class MmppStream extends PatternStream {
    private final double[] rates;
    private final double[] sojourns;
    private final RandomGenerator rng;
    private int state;
    private double nowS;
    private double switchAtS;

    MmppStream(MmppWorkload w, RandomGenerator rng) {
      super(w.options());
      int n = w.ratesPerS().size();
      this.rates = new double[n];
      this.sojourns = new double[n];
      for (int i = 0; i < n; i++) {
        rates[i] = w.ratesPerS().get(i) * w.options().rateScale();
        sojourns[i] = w.meanSojournS().get(i);
      }
      this.rng = rng;
      double u = rng.nextDouble();
      state = 0;
      while (state < n - 1 && (u -= w.stationaryShare(state)) >= 0) {
        state++;
      }
      nowS = w.options().startOffsetS();
      switchAtS = nowS + rng.nextExponential() * sojourns[state];
    }

    @Override
    double nextPatternS() {
      while (true) {
        double next = rates[state] > 0 ? nowS + rng.nextExponential() / rates[state] : switchAtS;
        if (next < switchAtS) {
          nowS = next;
          return next;
        }
        nowS = switchAtS;
        int jump = rng.nextInt(rates.length - 1);
        state = jump >= state ? jump + 1 : jump;
        switchAtS = nowS + rng.nextExponential() * sojourns[state];
      }
    }
  }
}
