package dev.trimtab.env.power;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Least-squares fit of {@link GpuDvfsModel} to measured data, one workload at a time.
 *
 * <p>{@code alpha}: minimises the squared error of relative performance {@code 1 / (alpha * x + 1)}
 * with {@code x = fmax / f - 1}, by a grid over [0, 1] (step 1e-3) refined by golden-section
 * search. Power: for a fixed {@code gamma} the model is linear in {@code P0} and the dynamic power,
 * solved in closed form with both kept >= 0; {@code gamma} is searched the same way over [1, 4]
 * (step 1e-2). Deterministic: the same data gives the same parameters bit for bit.
 */
final class GpuDvfsFitter {
  private static final double ALPHA_STEP = 1e-3;
  private static final double GAMMA_STEP = 1e-2;
  private static final int GOLDEN_ITERATIONS = 100;

  private GpuDvfsFitter() {}

  static List<GpuDvfsFit> fit(GpuDvfsData data) {
    double[] freqs = data.freqsMHz();
    double fmax = freqs[freqs.length - 1];
    List<GpuDvfsFit> fits = new ArrayList<>();
    for (int w = 0; w < data.workloads().size(); w++) {
      double[] perf = new double[freqs.length];
      double[] power = new double[freqs.length];
      for (int i = 0; i < freqs.length; i++) {
        perf[i] = data.relativePerformance(w, i);
        power[i] = data.powerW(w, i);
      }
      double alpha = fitAlpha(freqs, fmax, perf);
      double gamma = minimise(g -> powerFit(freqs, fmax, power, g)[2], 1.0, 4.0, GAMMA_STEP);
      double[] p = powerFit(freqs, fmax, power, gamma);
      GpuDvfsModel model =
          new GpuDvfsModel(data.workloads().get(w), fmax, alpha, p[0], p[1], gamma);
      fits.add(new GpuDvfsFit(model, powerMape(model, freqs, power), perfMape(model, freqs, perf)));
    }
    return fits;
  }

  private static double fitAlpha(double[] freqs, double fmax, double[] perf) {
    return minimise(
        a -> {
          double sse = 0;
          for (int i = 0; i < freqs.length; i++) {
            double r = 1 / (a * (fmax / freqs[i] - 1) + 1) - perf[i];
            sse += r * r;
          }
          return sse;
        },
        0.0,
        1.0,
        ALPHA_STEP);
  }

  /** {P0, dynamicAtMax, sse} of the non-negative least-squares fit for a fixed gamma. */
  static double[] powerFit(double[] freqs, double fmax, double[] power, double gamma) {
    int n = freqs.length;
    double[] z = new double[n];
    double mz = 0;
    double mp = 0;
    for (int i = 0; i < n; i++) {
      z[i] = Math.pow(freqs[i] / fmax, gamma);
      mz += z[i] / n;
      mp += power[i] / n;
    }
    double szz = 0;
    double szp = 0;
    for (int i = 0; i < n; i++) {
      szz += (z[i] - mz) * (z[i] - mz);
      szp += (z[i] - mz) * (power[i] - mp);
    }
    double dyn = szz > 0 ? szp / szz : 0;
    double p0 = mp - dyn * mz;
    if (dyn < 0) {
      dyn = 0;
      p0 = mp;
    } else if (p0 < 0) {
      p0 = 0;
      double zz = 0;
      double zp = 0;
      for (int i = 0; i < n; i++) {
        zz += z[i] * z[i];
        zp += z[i] * power[i];
      }
      dyn = zp / zz;
    }
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r = p0 + dyn * z[i] - power[i];
      sse += r * r;
    }
    return new double[] {p0, dyn, sse};
  }

  /** Grid search with {@code step}, then golden-section search in the best cell's neighbours. */
  static double minimise(DoubleUnaryOperator f, double lo, double hi, double step) {
    int cells = (int) Math.round((hi - lo) / step);
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= cells; k++) {
      double v = f.applyAsDouble(lo + k * step);
      if (v < bestValue) {
        bestValue = v;
        best = k;
      }
    }
    double a = lo + Math.max(0, best - 1) * step;
    double b = lo + Math.min(cells, best + 1) * step;
    double ratio = (Math.sqrt(5) - 1) / 2;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = f.applyAsDouble(c);
    double fd = f.applyAsDouble(d);
    for (int it = 0; it < GOLDEN_ITERATIONS && b - a > 1e-12; it++) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = f.applyAsDouble(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = f.applyAsDouble(d);
      }
    }
    double x = (a + b) / 2;
    double gridX = lo + best * step;
    return f.applyAsDouble(x) <= bestValue ? x : gridX;
  }

  static double powerMape(GpuDvfsModel m, double[] freqs, double[] power) {
    double sum = 0;
    for (int i = 0; i < freqs.length; i++) {
      sum += Math.abs(m.powerW(freqs[i]) - power[i]) / power[i];
    }
    return 100 * sum / freqs.length;
  }

  static double perfMape(GpuDvfsModel m, double[] freqs, double[] perf) {
    double sum = 0;
    for (int i = 0; i < freqs.length; i++) {
      sum += Math.abs(m.relativePerformance(freqs[i]) - perf[i]) / perf[i];
    }
    return 100 * sum / freqs.length;
  }
}
