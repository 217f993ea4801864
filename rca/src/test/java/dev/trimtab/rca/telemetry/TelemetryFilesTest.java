package dev.trimtab.rca.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.rca.io.TelemetryFiles;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.TraceFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each metric and log format, read from hand-written files with hand-computed answers. */
class TelemetryFilesTest {
  static MetricSeries metrics(Path... files) {
    MetricSeries.Builder b = new MetricSeries.Builder();
    TelemetryFiles.readMetrics(List.of(files), ImportLimits.DEFAULT, b);
    return b.build();
  }

  static LogEvents logs(Path... files) {
    LogEvents.Builder b = new LogEvents.Builder(Drain.defaults());
    TelemetryFiles.readLogs(List.of(files), ImportLimits.DEFAULT, b);
    return b.build();
  }

  /** Nezha's columns, out of time order, a NaN gap; percentages become ratios. */
  @Test
  void nezhaMetricCsv(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("cart-5f6585d649-fnmft_metric.csv"),
            "Time,TimeStamp,PodName,CpuUsageRate(%),MemoryUsageRate(%),PodServerLatencyP90(s),"
                + "PodClientLatencyP90(s),PodWorkload(Ops),PodSuccessRate(%)\n"
                + "x,120,cart-5f6585d649-fnmft,30,50,0.02,NaN,4,100\n"
                + "x,60,cart-5f6585d649-fnmft,10,40,0.01,0.03,2,90\n"
                + "x,180,cart-5f6585d649-fnmft,50,60,NaN,0.05,6,80\n");
    MetricSeries m = metrics(f);
    long s = 1_000_000_000L;
    assertEquals(0.2, m.mean("cart", Signal.CPU, 60 * s, 121 * s), 1e-12);
    assertEquals(0.5, m.mean("cart", Signal.MEMORY, 100 * s, 130 * s), 1e-12);
    assertEquals(0.015, m.mean("cart", Signal.SERVER_LATENCY, 0, 200 * s), 1e-12);
    assertEquals(0.04, m.mean("cart", Signal.CLIENT_LATENCY, 0, 200 * s), 1e-12);
    assertEquals(0.9, m.mean("cart", Signal.SUCCESS_RATE, 0, 200 * s), 1e-12);
    assertTrue(Double.isNaN(m.mean("cart", Signal.CPU, 200 * s, 300 * s)));
    assertTrue(Double.isNaN(m.mean("nope", Signal.CPU, 0, 300 * s)));
  }

  /**
   * The simulator's exposition names; the success rate from the call counters: 90 completed, 6
   * errored, 4 dropped is 0.9. Untimed samples count in every range.
   */
  @Test
  void prometheusText(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("m.prom"),
            "# HELP trimtab_service_cpu_utilisation_ratio CPU.\n"
                + "# TYPE trimtab_service_cpu_utilisation_ratio gauge\n"
                + "trimtab_service_cpu_utilisation_ratio{service=\"cart\"} 0.25\n"
                + "trimtab_service_memory_utilisation_ratio{service=\"cart\"} 0.5\n"
                + "trimtab_service_latency_seconds{quantile=\"0.5\",service=\"cart\"} 0.001\n"
                + "trimtab_service_latency_seconds{quantile=\"0.95\",service=\"cart\"} 0.004\n"
                + "trimtab_service_interval_calls_completed{service=\"cart\"} 90\n"
                + "trimtab_service_interval_calls_errored{service=\"cart\"} 6\n"
                + "trimtab_service_interval_calls_dropped{service=\"cart\"} 4\n"
                + "container_cpu_utilization{pod=\"ad-5f6585d649-fnmft\"} 0.75 60000\n"
                + "unrelated_metric 7\n");
    MetricSeries m = metrics(f);
    assertEquals(0.25, m.mean("cart", Signal.CPU, 0, 1), 1e-12);
    assertEquals(0.5, m.mean("cart", Signal.MEMORY, 0, 1), 1e-12);
    assertEquals(0.004, m.mean("cart", Signal.SERVER_LATENCY, 0, 1), 1e-12);
    assertEquals(0.9, m.mean("cart", Signal.SUCCESS_RATE, 0, 1), 1e-12);
    long minute = 60_000_000_000L;
    assertEquals(0.75, m.mean("ad", Signal.CPU, minute, minute + 1), 1e-12);
    assertTrue(Double.isNaN(m.mean("ad", Signal.CPU, 0, minute)));
  }

  @Test
  void otlpJsonMetrics(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("m.json"),
            "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeMetrics\":[{\"metrics\":["
                + "{\"name\":\"k8s.pod.cpu.utilization\",\"gauge\":{\"dataPoints\":["
                + "{\"timeUnixNano\":\"1000\",\"asDouble\":0.2},"
                + "{\"timeUnixNano\":\"3000\",\"asDouble\":0.6}]}},"
                + "{\"name\":\"rpc.server.duration.seconds\",\"summary\":{\"dataPoints\":["
                + "{\"timeUnixNano\":\"1000\",\"quantileValues\":[{\"quantile\":0.5,\"value\":1},"
                + "{\"quantile\":0.9,\"value\":0.3}]}]}}]}]}]}\n");
    MetricSeries m = metrics(f);
    assertEquals(0.4, m.mean("cart", Signal.CPU, 0, 5000), 1e-12);
    assertEquals(0.2, m.mean("cart", Signal.CPU, 0, 2000), 1e-12);
    assertEquals(0.3, m.mean("cart", Signal.SERVER_LATENCY, 0, 5000), 1e-12);
  }

  /** Nezha's log CSV: the container's JSON record, levels from the line, one Drain template. */
  @Test
  void nezhaLogCsv(@TempDir Path dir) throws Exception {
    String head = "Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log\n";
    String row =
        "t,%d,n,ts-route-service-b6c59fb57-zv8dt,server,a,b,"
            + "\"{\"\"log\"\":\"\"16:42:22.382 %s  t.s.Route#5 query %s failed\\n\"\",\"\"stream\"\":\"\"stdout\"\"}\"\n";
    Path f =
        Files.writeString(
            dir.resolve("09_00_log.csv"),
            head
                + String.format(row, 300, "ERROR", "42")
                + String.format(row, 100, "INFO", "7")
                + String.format(row, 200, "ERROR", "43"));
    LogEvents l = logs(f);
    LogCounts c = l.count("ts-route-service", 0, 1000);
    assertEquals(3, c.lines());
    assertEquals(2, c.errors());
    assertEquals(2, c.templates().size(), "INFO and ERROR lines are different templates");
    assertEquals(1, l.count("ts-route-service", 150, 250).errors());
    assertTrue(l.drain().template(0).contains("<*>"), l.drain().template(0));
  }

  @Test
  void otlpJsonLogs(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("l.json"),
            "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
                + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":["
                + "{\"timeUnixNano\":\"10\",\"severityNumber\":17,\"body\":{\"stringValue\":\"boom\"}},"
                + "{\"timeUnixNano\":\"20\",\"severityText\":\"WARN\",\"body\":{\"stringValue\":\"hm\"}},"
                + "{\"observedTimeUnixNano\":\"30\",\"body\":{\"stringValue\":\"FATAL x\"}}]}]}]}");
    LogCounts c = logs(f).count("cart", 0, 100);
    assertEquals(3, c.lines());
    assertEquals(2, c.errors(), "severity 17 is ERROR, the third line's word is FATAL");
  }

  @Test
  void unknownAndMisnamedFilesAreRefusedByName(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("x.txt"), "hello world\n");
    var e = assertThrows(TraceFormatException.class, () -> logs(f));
    assertTrue(e.getMessage().startsWith(f + ": not a log file"), e.getMessage());
    Path csv = Files.writeString(dir.resolve("m.csv"), "TimeStamp,PodName,Foo\n1,p,2\n");
    e = assertThrows(TraceFormatException.class, () -> metrics(csv));
    assertTrue(e.getMessage().contains("no metric column"), e.getMessage());
    Path bad =
        Files.writeString(
            dir.resolve("b.csv"), "TimeStamp,PodName,CpuUsageRate(%)\n60,p-aaaaaaaaa-bbbbb,lots\n");
    e = assertThrows(TraceFormatException.class, () -> metrics(bad));
    assertEquals("line 2", e.where());
    assertTrue(e.getMessage().contains("CpuUsageRate(%) is not a number"), e.getMessage());
  }
}
