/**
 * Live fault injection: the same campaigns that drive the simulator, applied to real processes.
 * {@link dev.trimtab.faults.live.LiveInjector} plays a campaign on wall-clock time against a {@link
 * dev.trimtab.faults.live.LiveTarget} (the testbed); the tools it acts through are here too: the
 * Chaos Monkey for Spring Boot actuator client ({@link dev.trimtab.faults.live.ChaosMonkeyClient}),
 * cgroup v1 and v2 groups for CPU quotas, memory limits and freezing ({@link
 * dev.trimtab.faults.live.CgroupDriver}), and process identities that survive pid reuse for kills
 * ({@link dev.trimtab.faults.live.ProcessId}).
 */
package dev.trimtab.faults.live;
