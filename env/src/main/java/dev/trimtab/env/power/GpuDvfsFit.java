package dev.trimtab.env.power;

import java.util.List;

/**
 * One fitted workload and how well the fit reproduces its measurements.
 *
 * @param model the fitted parameters
 * @param powerMapePercent mean absolute percentage error of {@link GpuDvfsModel#powerW} over the
 *     measured frequencies
 * @param performanceMapePercent the same for {@link GpuDvfsModel#relativePerformance}
 */
public record GpuDvfsFit(
    GpuDvfsModel model, double powerMapePercent, double performanceMapePercent) {

  /** Mean power MAPE over all points; every workload has the same number of points. */
  public static double overallPowerMapePercent(List<GpuDvfsFit> fits) {
    return fits.stream().mapToDouble(GpuDvfsFit::powerMapePercent).average().orElse(Double.NaN);
  }

  /** Mean performance MAPE over all points; every workload has the same number of points. */
  public static double overallPerformanceMapePercent(List<GpuDvfsFit> fits) {
    return fits.stream()
        .mapToDouble(GpuDvfsFit::performanceMapePercent)
        .average()
        .orElse(Double.NaN);
  }
}
