package dev.trimtab.env.topology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A microservice and its initial allocation. Limits are per replica.
 *
 * @param name unique within the topology
 * @param kind CPU or GPU
 * @param replicas initial number of replicas, at least 1
 * @param cpuLimitCores CFS quota per replica in cores (0.5 = half a core)
 * @param memoryLimitMiB memory limit per replica
 * @param workingSetMiB memory the replica touches under load; a limit below it slows the service,
 *     far below it the replica is OOM-killed
 * @param queueBound requests that may wait per replica; arrivals beyond it are dropped
 * @param timeoutMs how long a caller waits for a response before it gives up
 * @param startupMs delay between asking for a replica and its first request
 * @param operations the operations it serves
 * @param gpu the replica's GPUs: present exactly when {@code kind} is GPU, else null
 * @param labels free-form key/value labels (e.g. {@code tier: storage}) that fault targets select
 *     on, sorted by key
 */
public record ServiceSpec(
    String name,
    ServiceKind kind,
    int replicas,
    double cpuLimitCores,
    double memoryLimitMiB,
    double workingSetMiB,
    int queueBound,
    double timeoutMs,
    double startupMs,
    List<OperationSpec> operations,
    GpuSpec gpu,
    Map<String, String> labels) {

  public ServiceSpec {
    Objects.requireNonNull(kind, "kind");
    operations = List.copyOf(operations);
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    if ((kind == ServiceKind.GPU) != (gpu != null)) {
      throw new IllegalArgumentException(
          "service " + name + ": a gpu section is required for kind gpu and allowed only there");
    }
  }

  /** A service without labels; a GPU one gets {@link GpuSpec#defaultV100()}. */
  public ServiceSpec(
      String name,
      ServiceKind kind,
      int replicas,
      double cpuLimitCores,
      double memoryLimitMiB,
      double workingSetMiB,
      int queueBound,
      double timeoutMs,
      double startupMs,
      List<OperationSpec> operations) {
    this(
        name,
        kind,
        replicas,
        cpuLimitCores,
        memoryLimitMiB,
        workingSetMiB,
        queueBound,
        timeoutMs,
        startupMs,
        operations,
        kind == ServiceKind.GPU ? GpuSpec.defaultV100() : null,
        Map.of());
  }

  /** Whether its operations run on GPUs. */
  public boolean isGpu() {
    return kind == ServiceKind.GPU;
  }

  /** The operation with this name, or throws with the names known. */
  public OperationSpec operation(String operationName) {
    for (OperationSpec op : operations) {
      if (op.name().equals(operationName)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "service "
            + name
            + " has no operation '"
            + operationName
            + "'; known: "
            + operations.stream().map(OperationSpec::name).toList());
  }
}
