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
 * @param queueBound under FCFS, calls that may wait per replica; under processor sharing, calls a
 *     replica may hold at once; arrivals beyond it are dropped
 * @param timeoutMs how long a caller waits for a response before it gives up
 * @param startupMs delay between asking for a replica and its first request
 * @param operations the operations it serves
 * @param gpu the replica's GPUs: present exactly when {@code kind} is GPU, else null
 * @param labels free-form key/value labels (e.g. {@code tier: storage}) that fault targets select
 *     on, sorted by key
 * @param loadBalancing how calls are spread over the ready replicas
 * @param cpuSharing how a replica's CPU limit is shared among its calls; processor sharing only on
 *     a CPU service (a GPU runs one operation per device)
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
    Map<String, String> labels,
    LoadBalancing loadBalancing,
    CpuSharing cpuSharing) {

  public ServiceSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(loadBalancing, "loadBalancing");
    Objects.requireNonNull(cpuSharing, "cpuSharing");
    operations = List.copyOf(operations);
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    if ((kind == ServiceKind.GPU) != (gpu != null)) {
      throw new IllegalArgumentException(
          "service " + name + ": a gpu section is required for kind gpu and allowed only there");
    }
    if (kind == ServiceKind.GPU && cpuSharing != CpuSharing.FCFS) {
      throw new IllegalArgumentException(
          "service "
              + name
              + ": a gpu service runs one operation per device; cpuSharing must be "
              + CpuSharing.FCFS.yamlName());
    }
  }

  /** A service with the default load balancing and CPU sharing. */
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
      List<OperationSpec> operations,
      GpuSpec gpu,
      Map<String, String> labels) {
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
        gpu,
        labels,
        LoadBalancing.DEFAULT,
        CpuSharing.DEFAULT);
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

  /** This service with another load-balancing policy. */
  public ServiceSpec withLoadBalancing(LoadBalancing policy) {
    return new ServiceSpec(
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
        gpu,
        labels,
        policy,
        cpuSharing);
  }

  /** This service with another CPU sharing mode. */
  public ServiceSpec withCpuSharing(CpuSharing sharing) {
    return new ServiceSpec(
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
        gpu,
        labels,
        loadBalancing,
        sharing);
  }

  /** This service with another initial replica count. */
  public ServiceSpec withReplicas(int count) {
    return new ServiceSpec(
        name,
        kind,
        count,
        cpuLimitCores,
        memoryLimitMiB,
        workingSetMiB,
        queueBound,
        timeoutMs,
        startupMs,
        operations,
        gpu,
        labels,
        loadBalancing,
        cpuSharing);
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
