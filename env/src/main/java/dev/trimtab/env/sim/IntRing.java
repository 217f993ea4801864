package dev.trimtab.env.sim;

import java.util.Arrays;

/** A growable FIFO of ints (call slots waiting at a replica). */
final class IntRing {
  private int[] values = new int[16];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addLast(int value) {
    if (size == values.length) {
      int[] bigger = new int[values.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = values[(head + i) & (values.length - 1)];
      }
      values = bigger;
      head = 0;
    }
    values[(head + size) & (values.length - 1)] = value;
    size++;
  }

  int pollFirst() {
    int value = values[head];
    head = (head + 1) & (values.length - 1);
    size--;
    return value;
  }

  int get(int i) {
    return values[(head + i) & (values.length - 1)];
  }

  void clear() {
    head = 0;
    size = 0;
    Arrays.fill(values, 0);
  }
}
