package dev.trimtab.rca.eval;

/**
 * Scores of one group of windows. Top-k counts windows with a culprit; precision and recall of the
 * critical flag count (window, service) pairs over all windows, fault-free ones included. NaN when
 * undefined (no faulty window, nothing flagged).
 *
 * @param p99Top1 top-1 of the "highest p99" baseline
 * @param riseTop1 top-1 of the "largest rise against the reference" baseline
 */
public record GroupScore(
    int windows,
    int faultyWindows,
    double top1,
    double top3,
    double top5,
    double precision,
    double recall,
    double p99Top1,
    double p99Top3,
    double riseTop1,
    double riseTop3,
    double p99Top5,
    double riseTop5) {}
