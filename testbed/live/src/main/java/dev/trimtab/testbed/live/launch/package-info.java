/**
 * Starting and stopping testbed processes: where the service jar and the OpenTelemetry agent are
 * ({@link dev.trimtab.testbed.live.launch.Layout}), the command line of one replica ({@link
 * dev.trimtab.testbed.live.launch.ReplicaCommand}), the state file that records every process,
 * cgroup and assault before it exists ({@link dev.trimtab.testbed.live.launch.TestbedState}), and
 * the teardown that removes them all, also after the launcher itself was killed ({@link
 * dev.trimtab.testbed.live.launch.Teardown}).
 */
package dev.trimtab.testbed.live.launch;
