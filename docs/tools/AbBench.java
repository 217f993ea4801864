import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compares the simulator speed of two or more trimtab CLI jars on a noisy machine: loads each jar
 * in its own class loader in one JVM and alternates their measurements, so all of them see the
 * same moments of the host. A shared VM drifts by tens of percent between minutes, which makes
 * separate runs of each jar hard to compare; alternated repeats keep the ratio readable.
 *
 * <p>Run with the single-file source launcher (JDK 11+), e.g. after copying the jar of two commits:
 *
 * <pre>
 * java docs/tools/AbBench.java 1000 12 /tmp/before.jar training/target/trimtab-cli.jar
 * </pre>
 *
 * Arguments: optionally {@code --cpu-time}, then the Poisson rate (requests per simulated second),
 * the number of rounds, then the jars. With {@code --cpu-time} a measurement divides by the
 * benchmark thread's CPU time instead of wall-clock time, which other processes on a busy host
 * inflate far less (they still share its caches). Each round measures every jar once: 20 simulated seconds of warm-up, then 300 measured, on
 * social-network with seed 1, one interval of 1 s at a time, as {@code trimtab bench sim} does.
 * Prints per jar the median and best requests per wall-clock second, and the median's ratio to the
 * first jar's.
 */
public class AbBench {
  private static final class Jar {
    final String name;
    final Method resolve;
    final Method parse;
    final Method create;
    final Method runFor;
    final List<Double> requestsPerS = new ArrayList<>();

    Jar(String path) throws Exception {
      name = Path.of(path).getFileName().toString();
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(path).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> topologies = loader.loadClass("dev.trimtab.env.topology.Topologies");
      Class<?> workloads = loader.loadClass("dev.trimtab.env.workload.WorkloadLoader");
      Class<?> simulation = loader.loadClass("dev.trimtab.env.sim.Simulation");
      resolve = topologies.getMethod("resolve", String.class);
      parse = workloads.getMethod("parseSpec", String.class, Path.class);
      create =
          simulation.getMethod(
              "create",
              loader.loadClass("dev.trimtab.env.topology.Topology"),
              loader.loadClass("dev.trimtab.env.workload.Workload"),
              long.class);
      runFor = simulation.getMethod("runFor", double.class);
    }

    /** Simulated requests per wall-clock second over {@code measuredS} after {@code warmupS}. */
    double measure(double rate, int warmupS, int measuredS, boolean cpuTime) throws Exception {
      Object topology = resolve.invoke(null, "social-network");
      Object workload = parse.invoke(null, "poisson:rate=" + rate, Path.of("."));
      Object sim = create.invoke(null, topology, workload, 1L);
      for (int s = 0; s < warmupS; s++) {
        runFor.invoke(sim, 1000.0);
      }
      long start = now(cpuTime);
      for (int s = 0; s < measuredS; s++) {
        runFor.invoke(sim, 1000.0);
      }
      return rate * measuredS / ((now(cpuTime) - start) / 1e9);
    }
  }

  /** Nanoseconds of the current thread's CPU time, or of the wall clock. */
  private static long now(boolean cpuTime) {
    return cpuTime
        ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    boolean cpuTime = args.length > 0 && args[0].equals("--cpu-time");
    int a = cpuTime ? 1 : 0;
    if (args.length < a + 3) {
      System.err.println("usage: java AbBench.java [--cpu-time] RATE ROUNDS JAR [JAR...]");
      System.exit(2);
    }
    double rate = Double.parseDouble(args[a]);
    int rounds = Integer.parseInt(args[a + 1]);
    List<Jar> jars = new ArrayList<>();
    for (int i = a + 2; i < args.length; i++) {
      jars.add(new Jar(args[i]));
    }
    for (Jar jar : jars) {
      jar.measure(rate, 200, 200, cpuTime); // let the JIT compile each jar's event loop
      jar.measure(rate, 200, 200, cpuTime);
    }
    for (int round = 0; round < rounds; round++) {
      for (Jar jar : jars) {
        jar.requestsPerS.add(jar.measure(rate, 20, 300, cpuTime));
      }
    }
    double first = median(jars.get(0).requestsPerS);
    for (Jar jar : jars) {
      double median = median(jar.requestsPerS);
      System.out.printf(
          "%-32s median %8.0f  best %8.0f  ratio to the first %.3f%n",
          jar.name, median, Collections.max(jar.requestsPerS), median / first);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
