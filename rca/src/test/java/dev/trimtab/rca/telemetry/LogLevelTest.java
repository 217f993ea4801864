package dev.trimtab.rca.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogLevelTest {
  /** How logback, log4j, Python, zap and logrus print levels; plain words are not levels. */
  @Test
  void levelsOfCommonLineShapes() {
    assertEquals(LogLevel.INFO, LogLevel.ofLine("16:42:22.382 INFO  t.s.TravelServiceImpl#532 ok"));
    assertEquals(LogLevel.ERROR, LogLevel.ofLine("2023-01-29 ERROR [main] c.Foo - boom"));
    assertEquals(LogLevel.WARN, LogLevel.ofLine("WARNING:root:disk almost full"));
    assertEquals(LogLevel.ERROR, LogLevel.ofLine("time=\"x\" level=error msg=\"failed\""));
    assertEquals(LogLevel.ERROR, LogLevel.ofLine("ts=1 level=err msg=x"));
    assertEquals(LogLevel.UNKNOWN, LogLevel.ofLine("the user did err on the side of caution"));
    assertEquals(LogLevel.FATAL, LogLevel.ofOtlpSeverity(21));
    assertEquals(LogLevel.TRACE, LogLevel.ofOtlpSeverity(1));
    assertEquals(LogLevel.UNKNOWN, LogLevel.ofOtlpSeverity(0));
  }
}
