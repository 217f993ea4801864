package dev.trimtab.faults.spec;

/** Range checks shared by the fault records' compact constructors. */
final class Checks {
  private Checks() {}

  static void timing(double startS, double durationS) {
    atLeast("startS", startS, 0);
    above("durationS", durationS, 0);
  }

  static void between(String field, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new FaultFieldException(
          field, "must be in [" + num(low) + ", " + num(high) + "], got " + num(value));
    }
  }

  static void atLeast(String field, double value, double low) {
    if (!(value >= low) || !Double.isFinite(value)) {
      throw new FaultFieldException(
          field, "must be a finite number >= " + num(low) + ", got " + num(value));
    }
  }

  static void above(String field, double value, double low) {
    if (!(value > low) || !Double.isFinite(value)) {
      throw new FaultFieldException(
          field, "must be a finite number > " + num(low) + ", got " + num(value));
    }
  }

  static void probability(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new FaultFieldException(field, "must be in (0, 1], got " + num(value));
    }
  }

  static void service(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new FaultFieldException(field, "must be a non-blank name");
    }
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new FaultFieldException(field, "is required");
    }
    return value;
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
