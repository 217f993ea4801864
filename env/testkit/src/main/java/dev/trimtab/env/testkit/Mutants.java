package dev.trimtab.env.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * The mutations {@link ConfigFuzzer} applies: to a YAML file (lines, values, structure, bytes) and
 * to a one-line spec (parameters and values). Each mutant is at most a few megabytes.
 */
final class Mutants {
  private static final String[] BAD_VALUES = {
    "1e308",
    "-1e308",
    "1e12",
    "1000000000",
    "99999999999999999999999999",
    ".nan",
    ".inf",
    "-.inf",
    "-1",
    "0",
    "-0.0",
    "1.5",
    "x",
    "true",
    "~",
    "",
    "[1, 2]",
    "{a: 1}",
    "\"\"",
    "\"\\e[31m\\u202e\\0\"",
    "*nowhere",
    "&self [*self]",
    "!!binary aGVsbG8=",
    "0x7fffffff",
    "1_000_000_000",
    "'quoted'",
    "[",
    "{",
    "\"unterminated",
  };

  private Mutants() {}

  // ---- mutations of files

  static byte[] mutate(byte[] in, SplittableRandom rng, StringBuilder how) {
    String text = new String(in, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int kind = rng.nextInt(22);
    int at = rng.nextInt(lines.size());
    how.append(how.length() == 0 ? "" : " + ");
    switch (kind) {
      case 0 -> {
        how.append("delete line ").append(at + 1);
        lines.remove(at);
      }
      case 1 -> {
        how.append("duplicate line ").append(at + 1);
        lines.add(at, lines.get(at));
      }
      case 2 -> {
        int other = rng.nextInt(lines.size());
        how.append("swap lines ").append(at + 1).append(" and ").append(other + 1);
        String a = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, a);
      }
      case 3, 4, 5, 6, 7 -> {
        String bad = BAD_VALUES[rng.nextInt(BAD_VALUES.length)];
        int line = lineWithValue(lines, rng);
        how.append("value on line ").append(line + 1).append(" := ").append(bad);
        lines.set(line, replaceValue(lines.get(line), bad, rng));
      }
      case 8 -> {
        int line = lineWithValue(lines, rng);
        how.append("long word on line ").append(line + 1);
        lines.set(line, replaceValue(lines.get(line), "w".repeat(70_000 + rng.nextInt(10)), rng));
      }
      case 9 -> {
        int line = lineWithValue(lines, rng);
        how.append("long quoted scalar on line ").append(line + 1);
        lines.set(line, replaceValue(lines.get(line), "\"" + "ab ".repeat(30_000) + "\"", rng));
      }
      case 10 -> {
        how.append("indent line ").append(at + 1);
        lines.set(at, (rng.nextBoolean() ? "  " : "") + lines.get(at).stripLeading());
      }
      case 11 -> {
        int line = lineWithValue(lines, rng);
        how.append("misspell key on line ").append(line + 1);
        String l = lines.get(line);
        int colon = l.indexOf(':');
        int start = l.length() - l.stripLeading().length();
        if (colon > start + 1) {
          int cut = start + rng.nextInt(colon - start);
          lines.set(line, l.substring(0, cut) + l.substring(cut + 1));
        }
      }
      case 12 -> {
        int line = lineWithValue(lines, rng);
        int other = lineWithValue(lines, rng);
        how.append("alias line ").append(other + 1).append(" to line ").append(line + 1);
        String l = lines.get(line);
        int colon = l.indexOf(": ");
        if (colon > 0 && other != line) {
          lines.set(line, l.substring(0, colon + 2) + "&fz " + l.substring(colon + 2));
          lines.set(other, replaceValue(lines.get(other), "*fz", rng));
        }
      }
      case 13 -> {
        int depth = 150 + rng.nextInt(200);
        how.append("nesting ").append(depth).append(" deep");
        lines.add(at, "deep: " + "[".repeat(depth) + "]".repeat(depth));
      }
      case 14 -> {
        how.append("second document");
        lines.add("---");
        if (rng.nextBoolean()) {
          lines.addAll(Arrays.asList(text.split("\n")));
        }
      }
      case 15 -> {
        how.append("alias bomb");
        lines.addAll(0, bomb());
      }
      case 16 -> {
        how.append("long list on line ").append(at + 1);
        lines.add(at, "many: [" + "0, ".repeat(20_000) + "0]");
      }
      case 17 -> {
        int cut = rng.nextInt(in.length + 1);
        how.append("truncate at byte ").append(cut);
        return Arrays.copyOf(in, cut);
      }
      case 18 -> {
        int pos = rng.nextInt(in.length + 1);
        int n = 1 + rng.nextInt(64);
        how.append(n).append(" random bytes at ").append(pos);
        byte[] garbage = new byte[n];
        for (int i = 0; i < n; i++) {
          garbage[i] = (byte) rng.nextInt(256);
        }
        return splice(in, pos, garbage);
      }
      case 19 -> {
        how.append("gzip");
        return gzip(in);
      }
      case 20 -> {
        byte[][] heads = {
          {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
          {'P', 'K', 3, 4},
          {(byte) 0xFF, (byte) 0xFE},
          {0},
          {(byte) 0xC3},
          {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        };
        byte[] head = heads[rng.nextInt(heads.length)];
        int pos = rng.nextBoolean() ? 0 : rng.nextInt(in.length + 1);
        how.append("bytes ").append(Arrays.toString(head)).append(" at ").append(pos);
        return splice(in, pos, head);
      }
      default -> {
        how.append("empty file");
        return new byte[0];
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static int lineWithValue(List<String> lines, SplittableRandom rng) {
    for (int tries = 0; tries < 20; tries++) {
      int i = rng.nextInt(lines.size());
      String l = lines.get(i);
      if (l.contains(": ") && !l.stripLeading().startsWith("#")) {
        return i;
      }
    }
    return rng.nextInt(lines.size());
  }

  /** The line with the value after its first (or, for flow maps, a random) ": " replaced. */
  private static String replaceValue(String line, String value, SplittableRandom rng) {
    List<Integer> colons = new ArrayList<>();
    for (int i = line.indexOf(": "); i >= 0; i = line.indexOf(": ", i + 1)) {
      colons.add(i);
    }
    if (colons.isEmpty()) {
      return line + " " + value;
    }
    int colon = colons.get(rng.nextInt(colons.size()));
    int end = colon + 2;
    while (end < line.length() && ",}]".indexOf(line.charAt(end)) < 0) {
      end++;
    }
    boolean flow = end < line.length();
    return line.substring(0, colon + 2) + value + (flow ? line.substring(end) : "");
  }

  private static List<String> bomb() {
    List<String> out = new ArrayList<>();
    out.add("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]");
    for (int i = 1; i <= 9; i++) {
      StringBuilder b = new StringBuilder("lol" + i + ": &lol" + i + " [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      out.add(b.append("]").toString());
    }
    return out;
  }

  private static byte[] splice(byte[] in, int pos, byte[] insert) {
    byte[] out = new byte[in.length + insert.length];
    System.arraycopy(in, 0, out, 0, pos);
    System.arraycopy(insert, 0, out, pos, insert.length);
    System.arraycopy(in, pos, out, pos + insert.length, in.length - pos);
    return out;
  }

  private static byte[] gzip(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // ---- mutations of one-line specs

  private static final String[] SPEC_VALUES = {
    "1e12",
    "1e308",
    "NaN",
    "Infinity",
    "-Infinity",
    "-1",
    "0",
    "",
    "x",
    "true",
    "1/2/3",
    "a:1/b:2",
    "0x10",
    "1e-300",
    "99999999999999999999",
    "\u001b[2J",
    "..",
    "/dev/zero",
    "=",
    ":",
  };

  static String mutateSpec(String spec, SplittableRandom rng, StringBuilder how) {
    how.append(how.length() == 0 ? "" : " + ");
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    List<String> params =
        colon < 0 || colon == spec.length() - 1
            ? new ArrayList<>()
            : new ArrayList<>(Arrays.asList(spec.substring(colon + 1).split(",", -1)));
    switch (rng.nextInt(8)) {
      case 0 -> {
        if (!params.isEmpty()) {
          how.append("drop a param");
          params.remove(rng.nextInt(params.size()));
        }
      }
      case 1 -> {
        if (!params.isEmpty()) {
          how.append("duplicate a param");
          params.add(params.get(rng.nextInt(params.size())));
        }
      }
      case 2, 3, 4 -> {
        if (!params.isEmpty()) {
          int i = rng.nextInt(params.size());
          String p = params.get(i);
          String value = SPEC_VALUES[rng.nextInt(SPEC_VALUES.length)];
          how.append("value of ").append(i).append(" := ").append(value);
          int eq = p.indexOf('=');
          params.set(i, (eq < 0 ? p : p.substring(0, eq)) + "=" + value);
        }
      }
      case 5 -> {
        how.append("long value");
        params.add("scale=" + "9".repeat(5000));
      }
      case 6 -> {
        how.append("misspell kind");
        kind = kind.isEmpty() ? "x" : kind.substring(1);
      }
      default -> {
        how.append("truncate");
        String whole = kind + ":" + String.join(",", params);
        return whole.substring(0, rng.nextInt(whole.length() + 1));
      }
    }
    return kind + (params.isEmpty() ? "" : ":" + String.join(",", params));
  }
}
