package dev.trimtab.env.workload;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses a timestamp from bytes without allocating: ISO-8601 {@code yyyy-MM-dd[T ]HH:mm:ss[.f]}
 * with up to nine fraction digits (more are truncated) and an optional zone {@code Z}, {@code
 * +HH:mm}, {@code +HHmm} or {@code +HH} (no zone means UTC); or plain decimal seconds. The result
 * is an epoch second and a nano of second.
 */
final class TimestampParser {
  static final String EXPECTED =
      "a timestamp: ISO-8601 like 2023-11-16 18:15:46.6805900 or 2023-11-16T18:15:46.68+01:00,"
          + " or plain seconds";

  private byte[] text;
  private int at;
  private int end;
  private boolean failed;
  private long epochSecond;
  private int nano;
  private int cachedYear = Integer.MIN_VALUE;
  private int cachedMonth;
  private int cachedDay;
  private long cachedEpochDay;

  void parse(byte[] bytes, int from, int to) {
    text = bytes;
    at = from;
    end = to;
    failed = false;
    while (end > at && text[end - 1] == ' ') {
      end--;
    }
    if (end - at >= 10 && text[at + 4] == '-') {
      parseIso();
    } else {
      epochSecond = digits(18, 1);
      nano = at < end && text[at] == '.' && ++at < end ? fraction() : 0;
    }
    if (at != end) {
      failed = true;
    }
  }

  private void parseIso() {
    int year = (int) digits(4, 4);
    expect('-');
    int month = (int) digits(2, 2);
    expect('-');
    int day = (int) digits(2, 2);
    if (at < end && (text[at] == 'T' || text[at] == ' ')) {
      at++;
    } else {
      failed = true;
    }
    long hour = digits(2, 2);
    expect(':');
    long minute = digits(2, 2);
    expect(':');
    long second = digits(2, 2);
    nano = at < end && text[at] == '.' && ++at < end ? fraction() : 0;
    long zoneS = zone();
    if (failed || hour > 23 || minute > 59 || second > 60) {
      failed = true;
      return;
    }
    epochSecond = epochDay(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - zoneS;
  }

  private long zone() {
    if (at == end) {
      return 0;
    }
    byte sign = text[at];
    if (sign == 'Z') {
      at++;
      return 0;
    }
    if (sign != '+' && sign != '-') {
      failed = true;
      return 0;
    }
    at++;
    long hours = digits(2, 2);
    if (at < end && text[at] == ':') {
      at++;
    }
    long minutes = at < end ? digits(2, 2) : 0;
    long seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  private long epochDay(int year, int month, int day) {
    if (year != cachedYear || month != cachedMonth || day != cachedDay) {
      try {
        cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
      } catch (DateTimeException e) {
        failed = true;
        return 0;
      }
      cachedYear = year;
      cachedMonth = month;
      cachedDay = day;
    }
    return cachedEpochDay;
  }

  private long digits(int max, int min) {
    long value = 0;
    int count = 0;
    while (at < end && count < max && text[at] >= '0' && text[at] <= '9') {
      value = value * 10 + (text[at++] - '0');
      count++;
    }
    if (count < min) {
      failed = true;
    }
    return value;
  }

  private int fraction() {
    int value = 0;
    int count = 0;
    while (at < end && text[at] >= '0' && text[at] <= '9') {
      if (count < 9) {
        value = value * 10 + (text[at] - '0');
      }
      count++;
      at++;
    }
    for (int i = count; i < 9; i++) {
      value *= 10;
    }
    if (count == 0) {
      failed = true;
    }
    return value;
  }

  private void expect(char c) {
    if (at < end && text[at] == c) {
      at++;
    } else {
      failed = true;
    }
  }

  boolean failed() {
    return failed;
  }

  long epochSecond() {
    return epochSecond;
  }

  int nano() {
    return nano;
  }
}
