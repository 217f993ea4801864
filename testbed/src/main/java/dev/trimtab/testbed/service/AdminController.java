package dev.trimtab.testbed.service;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the testbed launcher asks of a running service: its counters, a new CPU limit to size the
 * worker pool for (the cgroup quota itself is set from outside), and where its peers now listen. A
 * plain {@code @Controller}, so Chaos Monkey's {@code restController} watcher leaves it alone.
 */
@Controller
@ResponseBody
public class AdminController {
  private final ServiceStats stats;
  private final CpuStation station;
  private final Downstream downstream;

  public AdminController(ServiceStats stats, CpuStation station, Downstream downstream) {
    this.stats = stats;
    this.station = station;
    this.downstream = downstream;
  }

  @GetMapping("/trimtab/admin/stats")
  public Map<String, Object> stats() {
    return stats.snapshot(station.workers(), station.queued());
  }

  @PostMapping("/trimtab/admin/cpu-limit")
  public ResponseEntity<String> cpuLimit(@RequestParam("cores") double cores) {
    if (!(cores > 0) || !Double.isFinite(cores)) {
      return ResponseEntity.badRequest().body("cores must be a number > 0, got " + cores + "\n");
    }
    station.resize(cores);
    return ResponseEntity.ok("workers " + station.workers() + "\n");
  }

  @PutMapping("/trimtab/admin/peers")
  public ResponseEntity<String> peers(@RequestBody String peers) {
    try {
      downstream.setPeers(Peers.parse(peers, "peers"));
    } catch (RuntimeException e) {
      return ResponseEntity.badRequest().body(e.getMessage() + "\n");
    }
    return ResponseEntity.ok(downstream.peers().format() + "\n");
  }
}
