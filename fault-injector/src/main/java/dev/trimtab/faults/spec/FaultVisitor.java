package dev.trimtab.faults.spec;

/**
 * One method per fault kind: code that must handle every kind implements this, so that adding a
 * kind breaks the build until every handler covers it (Java 17 has no pattern switch).
 */
public interface FaultVisitor<R> {
  R visit(CpuContention f);

  R visit(MemoryBandwidthContention f);

  R visit(LlcContention f);

  R visit(DiskIoContention f);

  R visit(NetworkDelay f);

  R visit(NetworkLoss f);

  R visit(BandwidthLimit f);

  R visit(Partition f);

  R visit(ServiceCrash f);

  R visit(Hang f);

  R visit(MemoryLeak f);

  R visit(LatencyInjection f);

  R visit(ErrorInjection f);

  R visit(GpuThrottle f);

  R visit(MisconfiguredLimit f);

  R visit(PayloadShift f);

  R visit(FlashCrowd f);

  R visit(RateShift f);

  R visit(MixShift f);

  R visit(TraceSwap f);
}
