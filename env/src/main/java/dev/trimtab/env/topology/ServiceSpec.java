package dev.trimtab.env.topology;

import java.util.List;

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
    List<OperationSpec> operations) {

  public ServiceSpec {
    operations = List.copyOf(operations);
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
