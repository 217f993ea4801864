package dev.trimtab.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned, the others right-aligned, two spaces apart. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row with as many cells as the header. */
  public TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header " + header.size());
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The table, one line per row, each ending in a newline. */
  public String render() {
    int[] widths = new int[header.size()];
    for (List<String> line : allLines()) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : allLines()) {
      for (int c = 0; c < widths.length; c++) {
        String cell = line.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        out.append(c == 0 ? "" : "  ").append(c == 0 ? cell + pad : pad + cell);
      }
      out.append('\n');
    }
    return out.toString().replaceAll(" +\n", "\n");
  }

  private List<List<String>> allLines() {
    List<List<String>> lines = new ArrayList<>(rows.size() + 1);
    lines.add(header);
    lines.addAll(rows);
    return lines;
  }
}
