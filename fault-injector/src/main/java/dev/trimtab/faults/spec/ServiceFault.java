package dev.trimtab.faults.spec;

/** A fault that hits the services its {@link #target()} selects. */
public sealed interface ServiceFault extends FaultSpec
    permits CpuContention,
        MemoryBandwidthContention,
        LlcContention,
        DiskIoContention,
        NetworkDelay,
        NetworkLoss,
        BandwidthLimit,
        Partition,
        ServiceCrash,
        Hang,
        MemoryLeak,
        LatencyInjection,
        ErrorInjection,
        GpuThrottle,
        MisconfiguredLimit,
        PayloadShift {

  Target target();
}
