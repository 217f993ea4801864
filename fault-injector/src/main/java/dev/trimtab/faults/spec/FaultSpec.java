package dev.trimtab.faults.spec;

/**
 * One fault on a campaign's timeline: it starts {@code startS} seconds into the run and lasts
 * {@code durationS} seconds. Service faults ({@link ServiceFault}) hit the services their target
 * selects; workload faults ({@link WorkloadFault}) change the arrivals of the whole workload.
 *
 * <p>Every record validates its fields in its compact constructor and throws a {@link
 * FaultFieldException} naming the field and its allowed range.
 */
public sealed interface FaultSpec permits ServiceFault, WorkloadFault {

  FaultKind kind();

  /** Start, in seconds of simulated time from the start of the run. */
  double startS();

  /** How long the fault lasts, in seconds. */
  double durationS();

  /** The fault's magnitude, in the unit {@link FaultKind#intensityMeaning()} gives. */
  double intensity();

  /** Dispatches to the visitor's method for this record. */
  <R> R accept(FaultVisitor<R> visitor);

  default double endS() {
    return startS() + durationS();
  }
}
