package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * Replays a CSV request trace row by row, one row ahead so that replicated copies can be spread
 * before the next row without breaking time order.
 */
final class CsvTraceStream extends PatternStream {
  private final TraceWorkload trace;
  private final RandomGenerator rng;
  private final double offsetS;
  private final int wholeCopies;
  private final double extraCopyChance;
  private CsvTraceReader reader;
  private double loopShiftS;
  private boolean hasAhead;
  private double aheadS;
  private int aheadPrompt;
  private int aheadOutput;
  private double rowS;
  private double gapEndS;
  private int rowPrompt;
  private int rowOutput;
  private boolean firstCopyPending;
  private int extraCopies;
  private double spread;

  CsvTraceStream(TraceWorkload trace, RandomGenerator rng) {
    super(trace.options());
    this.trace = trace;
    this.rng = rng;
    this.offsetS = trace.options().startOffsetS();
    double scale = trace.options().rateScale();
    this.wholeCopies = (int) Math.floor(scale);
    this.extraCopyChance = scale - wholeCopies;
    this.reader = new CsvTraceReader(trace.file(), trace.columns());
    readAhead();
  }

  @Override
  double nextPatternS() {
    while (true) {
      if (firstCopyPending) {
        firstCopyPending = false;
        return rowS;
      }
      if (extraCopies > 0) {
        spread += (1 - spread) * (1 - Math.pow(rng.nextDouble(), 1.0 / extraCopies));
        extraCopies--;
        return rowS + spread * (gapEndS - rowS);
      }
      if (!hasAhead) {
        return Double.POSITIVE_INFINITY;
      }
      rowS = aheadS;
      rowPrompt = aheadPrompt;
      rowOutput = aheadOutput;
      readAhead();
      gapEndS = hasAhead ? aheadS : rowS;
      int copies = wholeCopies;
      if (extraCopyChance > 0 && rng.nextDouble() < extraCopyChance) {
        copies++;
      }
      firstCopyPending = copies > 0;
      extraCopies = Math.max(0, copies - 1);
      spread = 0;
    }
  }

  private void readAhead() {
    boolean reopened = false;
    while (true) {
      if (!reader.next()) {
        if (!trace.loop() || reopened) {
          hasAhead = false;
          return;
        }
        reader.close();
        reader = new CsvTraceReader(trace.file(), trace.columns());
        loopShiftS += trace.stats().lengthS() - offsetS;
        reopened = true;
        continue;
      }
      if (reader.relS() >= offsetS) {
        hasAhead = true;
        aheadS = reader.relS() + loopShiftS;
        aheadPrompt = reader.promptTokens();
        aheadOutput = reader.outputTokens();
        return;
      }
    }
  }

  @Override
  public int promptTokens() {
    return rowPrompt;
  }

  @Override
  public int outputTokens() {
    return rowOutput;
  }

  @Override
  public void close() {
    reader.close();
  }
}
