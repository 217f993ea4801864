package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of docs/cli.md, command by command: a bad value (0, negative, 10^12, NaN, empty, a
 * missing path, a folder where a file belongs, a binary file, an unknown option) exits with status
 * 2 and one line on stderr, {@code trimtab: ...}, that names the value, within a second or so, and
 * leaves no file behind.
 */
class CliBadInputTest {
  @TempDir static Path dir;

  static Path out;
  static Path folder;
  static Path gzip;
  static Path binary;
  static Path plainFile;
  static Path suite;
  static Path hugeSuite;
  static Path carbon;
  static Path lateFaults;

  @BeforeAll
  static void files() throws IOException {
    out = dir.resolve("out");
    folder = Files.createDirectories(dir.resolve("a-folder"));
    gzip = Files.write(dir.resolve("data.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    binary = Files.write(dir.resolve("blob.bin"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, 0});
    plainFile = Files.writeString(dir.resolve("plain.txt"), "not a folder\n");
    suite = dev.trimtab.cli.eval.EvaluationTest.tinySuite(dir);
    hugeSuite = Files.createDirectories(dir.resolve("huge"));
    Files.writeString(
        hugeSuite.resolve("surge.yaml"),
        Files.readString(suite.resolve("b-surge.yaml"))
            .replace("name: b-surge", "name: surge")
            .replace("poisson:rate=150", "poisson:rate=1e12"));
    carbon =
        Files.writeString(
            dir.resolve("ci.csv"),
            "Time,Carbon Intensity\n2020-07-01 00:00:00,100\n2020-07-01 01:00:00,200\n");
    lateFaults =
        Files.writeString(
            dir.resolve("late.yaml"),
            "name: late\nfaults:\n"
                + "  - {kind: cpu-contention, target: {services: [geo], mode: all}, startS: 5,"
                + " durationS: 10, intensity: 1.0}\n"
                + "  - {kind: cpu-contention, target: {services: [geo], mode: all}, startS: 30,"
                + " durationS: 10, intensity: 1.0}\n");
  }

  /** One bad command line: what it is, and a piece of the message that names the value. */
  record Case(String what, String names, List<String> args) {
    static Case of(String what, String names, String... args) {
      return new Case(what, names, List.of(args));
    }
  }

  private static String o() {
    return out.toString();
  }

  /** A valid sim or inject line with {@code changes}: "--opt value" replaces, "--flag" adds. */
  private static String[] run(String command, String... changes) {
    List<String> args = new ArrayList<>(List.of(command));
    List<String> base =
        new ArrayList<>(
            List.of(
                "--topology",
                "hotel-reservation",
                "--workload",
                "poisson:rate=10",
                "--duration",
                "20s",
                "--seed",
                "1",
                "--out",
                o(),
                "-q"));
    for (int i = 0; i < changes.length; i++) {
      String key = changes[i];
      boolean hasValue = i + 1 < changes.length && !changes[i + 1].startsWith("--");
      int at = base.indexOf(key);
      if (hasValue) {
        String value = changes[++i];
        if (at >= 0) {
          base.set(at + 1, value);
        } else {
          base.add(key);
          base.add(value);
        }
      } else {
        base.add(key);
      }
    }
    args.addAll(base);
    return args.toArray(String[]::new);
  }

  private static Case sim(String what, String names, String... changes) {
    return new Case("sim " + what, names, List.of(run("sim", changes)));
  }

  private static List<Case> cases() {
    String f = folder.toString();
    String g = gzip.toString();
    String b = binary.toString();
    String missing = dir.resolve("missing.yaml").toString();
    List<Case> c = new ArrayList<>();
    // sim: durations and intervals
    c.add(sim("zero duration", "'0s'", "--duration", "0s"));
    c.add(sim("negative duration", "'-5s'", "--duration", "-5s"));
    c.add(sim("NaN duration", "'NaNs'", "--duration", "NaNs"));
    c.add(sim("empty duration", "''", "--duration", ""));
    c.add(sim("bare number duration", "'600'", "--duration", "600"));
    c.add(sim("huge duration", "--duration 1000000000000s", "--duration", "1000000000000s"));
    c.add(sim("zero interval", "'0ms'", "--interval", "0ms"));
    c.add(sim("interval over duration", "--interval 30s", "--interval", "30s"));
    c.add(
        sim(
            "absurdly small interval",
            "--interval 1ms over --duration 7200h",
            "--duration",
            "7200h",
            "--interval",
            "1ms"));
    // seeds
    c.add(sim("NaN seed", "'NaN'", "--seed", "NaN"));
    c.add(sim("1e12 seed", "'1e12'", "--seed", "1e12"));
    c.add(sim("empty seed", "''", "--seed", ""));
    // workloads
    c.add(sim("huge rate", "poisson:rate=1e12", "--workload", "poisson:rate=1e12"));
    c.add(sim("zero rate", "rate", "--workload", "poisson:rate=0"));
    c.add(sim("negative rate", "rate", "--workload", "poisson:rate=-1"));
    c.add(sim("NaN rate", "rate", "--workload", "poisson:rate=NaN"));
    c.add(sim("empty workload", "''", "--workload", ""));
    c.add(sim("missing workload file", "missing.yaml", "--workload", missing));
    c.add(sim("workload folder", "a-folder", "--workload", f));
    c.add(sim("gzip workload", "data.gz", "--workload", g));
    c.add(sim("binary workload", "blob.bin", "--workload", b));
    // topologies
    c.add(sim("empty topology", "--topology is empty", "--topology", ""));
    c.add(sim("missing topology file", "missing.yaml", "--topology", missing));
    c.add(sim("topology folder", "a-folder", "--topology", f));
    c.add(sim("gzip topology", "data.gz", "--topology", g));
    c.add(sim("binary topology", "blob.bin", "--topology", b));
    c.add(sim("unknown controller", "'nope'", "--controller", "nope"));
    c.add(sim("empty controller", "''", "--controller", ""));
    // carbon
    c.add(sim("NaN carbon", "--carbon NaN", "--carbon", "NaN"));
    c.add(sim("negative carbon", "--carbon -1", "--carbon", "-1"));
    c.add(sim("empty carbon", "--carbon ''", "--carbon", ""));
    c.add(sim("missing carbon file", "missing.yaml", "--carbon", missing));
    c.add(sim("carbon folder", "--carbon " + f, "--carbon", f));
    c.add(sim("gzip carbon", "data.gz", "--carbon", g));
    c.add(sim("binary carbon", "blob.bin", "--carbon", b));
    c.add(
        sim(
            "carbon start without a series",
            "--carbon-start needs --carbon FILE",
            "--carbon-start",
            "2020-07-01T00:30:00Z"));
    c.add(
        sim(
            "carbon start not a time",
            "'July'",
            "--carbon",
            carbon.toString(),
            "--carbon-start",
            "July"));
    c.add(
        sim(
            "carbon start outside the file",
            "--carbon-start 2021-01-01T00:00:00Z",
            "--carbon",
            carbon.toString(),
            "--carbon-start",
            "2021-01-01T00:00:00Z"));
    // spans
    c.add(sim("span sampling without spans", "--span-sampling", "--span-sampling", "0.5"));
    Path spans = dir.resolve("spans.jsonl");
    c.add(
        sim(
            "span sampling above 1",
            "--span-sampling",
            "--spans",
            spans.toString(),
            "--span-sampling",
            "2"));
    c.add(sim("NaN span sampling", "NaN", "--spans", spans.toString(), "--span-sampling", "NaN"));
    c.add(sim("spans into a folder", "--spans " + f, "--spans", f));
    c.add(sim("empty spans", "--spans is empty", "--spans", ""));
    c.add(
        sim(
            "spans onto a run file",
            "metrics.csv",
            "--spans",
            out.resolve("metrics.csv").toString()));
    // out
    c.add(sim("empty out", "--out is empty", "--out", ""));
    c.add(sim("out is a file", "--out " + plainFile, "--out", plainFile.toString()));
    c.add(
        sim(
            "out inside a file",
            "--out " + plainFile.resolve("run"),
            "--out",
            plainFile.resolve("run").toString()));
    c.add(sim("unwritable out", "--out /proc/trimtab-run", "--out", "/proc/trimtab-run"));
    c.add(sim("unknown option", "'--bogus'", "--bogus"));

    // inject
    String[] inject = run("inject", "--faults", lateFaults.toString());
    c.add(new Case("inject fault after the run", "faults[1]", List.of(inject)));
    for (String[] bad :
        List.of(
            new String[] {"missing faults", missing},
            new String[] {"faults folder", f},
            new String[] {"gzip faults", g},
            new String[] {"binary faults", b},
            new String[] {"empty faults", ""})) {
      String name =
          bad[1].isEmpty() ? "--faults is empty" : Path.of(bad[1]).getFileName().toString();
      c.add(new Case("inject " + bad[0], name, List.of(run("inject", "--faults", bad[1]))));
    }
    c.add(
        new Case(
            "inject huge rate",
            "poisson:rate=1e12",
            List.of(
                run(
                    "inject",
                    "--faults",
                    lateFaults.toString(),
                    "--workload",
                    "poisson:rate=1e12",
                    "--duration",
                    "60s"))));

    // problems
    c.add(Case.of("problems unknown", "'nope'", "problems", "show", "nope"));
    c.add(
        Case.of("problems missing suite", "missing.yaml", "problems", "list", "--suite", missing));
    c.add(Case.of("problems empty suite folder", "a-folder", "problems", "list", "--suite", f));
    c.add(Case.of("problems binary suite", "blob.bin", "problems", "list", "--suite", b));
    c.add(Case.of("problems unknown option", "'--bogus'", "problems", "list", "--bogus"));

    // eval
    String s = suite.toString();
    c.add(evalCase("NaN seed", "'NaN'", s, "static", "NaN"));
    c.add(evalCase("empty seeds", "''", s, "static", ""));
    c.add(evalCase("repeated seed", "[1, 1]", s, "static", "1,1"));
    c.add(evalCase("empty controller", "''", s, "", "1"));
    c.add(evalCase("unknown controller", "'nope'", s, "nope", "1"));
    c.add(evalCase("missing suite", "missing.yaml", missing, "static", "1"));
    c.add(evalCase("empty suite", "--suite is empty", "", "static", "1"));
    c.add(evalCase("binary suite", "blob.bin", b, "static", "1"));
    c.add(evalCase("problem with rate 1e12", "surge.yaml", hugeSuite.toString(), "static", "1"));
    c.add(evalCase("zero threads", "--threads", s, "static", "1", "--threads", "0"));
    c.add(evalCase("negative threads", "-2", s, "static", "1", "--threads", "-2"));
    c.add(evalCase("unknown localizer", "'nope'", s, "static", "1", "--localizer", "nope"));
    c.add(
        evalCase(
            "missing model", "missing.yaml", s, "static", "1", "--localizer", "rca:" + missing));
    c.add(evalCase("empty out", "--out is empty", s, "static", "1", "--out", ""));
    c.add(
        evalCase("out is a file", "--out " + plainFile, s, "static", "1", "--out", plainFile + ""));
    c.add(evalCase("unknown option", "'--bogus'", s, "static", "1", "--bogus"));

    // bench
    c.add(Case.of("bench sim zero rate", "--rate", "bench", "sim", "--rate", "0"));
    c.add(Case.of("bench sim negative rate", "--rate", "bench", "sim", "--rate", "-1"));
    c.add(Case.of("bench sim NaN rate", "--rate", "bench", "sim", "--rate", "NaN"));
    c.add(Case.of("bench sim huge rate", "--rate 1000000000000", "bench", "sim", "--rate", "1e12"));
    c.add(Case.of("bench sim zero repeats", "--repeat", "bench", "sim", "--repeat", "0"));
    c.add(Case.of("bench sim zero duration", "'0s'", "bench", "sim", "--duration", "0s"));
    c.add(Case.of("bench sim negative warmup", "'-1s'", "bench", "sim", "--warmup", "-1s"));
    c.add(
        Case.of(
            "bench sim interval over duration",
            "--interval 10s",
            "bench",
            "sim",
            "--duration",
            "1s",
            "--interval",
            "10s"));
    c.add(
        Case.of(
            "bench sim missing topology", "missing.yaml", "bench", "sim", "--topology", missing));
    c.add(Case.of("bench sim binary topology", "blob.bin", "bench", "sim", "--topology", b));
    c.add(Case.of("bench sim unknown option", "'--bogus'", "bench", "sim", "--bogus"));
    c.add(Case.of("bench env zero rate", "--rate", "bench", "env", "--rate", "0"));
    c.add(Case.of("bench env huge rate", "--rate 1000000000000", "bench", "env", "--rate", "1e12"));
    c.add(Case.of("bench env zero steps", "--steps", "bench", "env", "--steps", "0"));
    c.add(Case.of("bench env negative steps", "--steps", "bench", "env", "--steps", "-1"));
    c.add(Case.of("bench env 1e12 steps", "'1e12'", "bench", "env", "--steps", "1e12"));
    c.add(Case.of("bench env unknown variant", "'odd'", "bench", "env", "--variant", "odd"));
    c.add(Case.of("bench env zero interval", "'0ms'", "bench", "env", "--interval", "0ms"));
    c.add(Case.of("bench env unknown option", "'--bogus'", "bench", "env", "--bogus"));
    c.add(Case.of("unknown command", "'nope'", "nope"));
    return c;
  }

  private static Case evalCase(
      String what, String names, String suite, String controllers, String seeds, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--suite",
                suite,
                "--controllers",
                controllers,
                "--seeds",
                seeds,
                "--out",
                o(),
                "-q"));
    for (int i = 0; i < more.length; i++) {
      int at = args.indexOf(more[i]);
      if (at >= 0 && i + 1 < more.length) {
        args.set(at + 1, more[++i]);
      } else {
        args.add(more[i]);
      }
    }
    return new Case("eval " + what, names, args);
  }

  /** {@code FileSystemException: ...} or {@code java.nio...}: a class name standing for words. */
  private static final java.util.regex.Pattern CLASS_AS_MESSAGE =
      java.util.regex.Pattern.compile("\\b[A-Z]\\w*(Exception|Error): |\\bjava\\.[a-z]");

  @TestFactory
  Stream<DynamicTest> everyBadInputIsOneLineWithStatusTwoAndLeavesNoFile() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.what(),
                    () -> {
                      List<Path> before = tree();
                      Cli cli = Cli.run(c.args().toArray(String[]::new));
                      String err = cli.err();
                      String shown = c.what() + " " + c.args() + " -> " + err;
                      assertEquals(2, cli.status(), shown);
                      assertTrue(err.startsWith("trimtab: "), shown);
                      assertTrue(err.endsWith("\n"), shown);
                      assertEquals(1, err.lines().count(), "one line: " + shown);
                      assertTrue(err.contains(c.names()), "names " + c.names() + ": " + shown);
                      assertFalse(
                          CLASS_AS_MESSAGE.matcher(err).find(),
                          "no exception's name as the message: " + shown);
                      assertFalse(
                          err.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' || ch == 0xFFFD),
                          "nothing binary echoed: " + shown);
                      assertEquals("", cli.out(), shown);
                      assertEquals(before, tree(), "no file left behind: " + shown);
                    }));
  }

  /** Every path under the test folder. */
  private static List<Path> tree() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }
}
