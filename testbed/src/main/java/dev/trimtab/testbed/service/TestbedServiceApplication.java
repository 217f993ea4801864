package dev.trimtab.testbed.service;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.topology.OperationSpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts one testbed service: {@code java -jar trimtab-testbed.jar --trimtab.topology=FILE
 * --trimtab.service=NAME --server.port=PORT [--trimtab.peers=...]}. Settings are checked before
 * Spring starts, so a bad file or name is one line on stderr and exit status 2.
 */
@SpringBootApplication
public class TestbedServiceApplication {

  public static void main(String[] args) {
    ServiceSettings settings;
    try {
      settings = ServiceSettings.from(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("trimtab-testbed: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!CpuBurner.supported()) {
      System.err.println("trimtab-testbed: this JVM cannot measure thread CPU time");
      System.exit(1);
    }
    SpringApplication app = new SpringApplication(TestbedServiceApplication.class);
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("serviceSettings", settings));
    app.run(args);
  }

  @Bean(destroyMethod = "close")
  CpuStation cpuStation(ServiceSettings settings) {
    return new CpuStation(settings.cpuLimitCores(), settings.service().queueBound());
  }

  @Bean(destroyMethod = "close")
  WorkingSet workingSet(ServiceSettings settings) {
    return WorkingSet.allocate(settings.service().workingSetMiB(), settings.dataDir());
  }

  @Bean(destroyMethod = "close")
  Downstream downstream(ServiceSettings settings) {
    return new Downstream(settings.peers());
  }

  @Bean
  ServiceStats serviceStats(ServiceSettings settings) {
    return new ServiceStats(
        settings.service().operations().stream().map(OperationSpec::name).toList());
  }

  @Bean
  CallHandler callHandler(
      ServiceSettings settings,
      CpuStation station,
      WorkingSet workingSet,
      Downstream downstream,
      ServiceStats stats) {
    return new CallHandler(settings, station, workingSet, downstream, stats);
  }
}
