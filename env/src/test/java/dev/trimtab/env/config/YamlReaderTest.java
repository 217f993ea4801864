package dev.trimtab.env.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one YAML reader: what it accepts (anchors, aliases, merges) and each limit it keeps. */
class YamlReaderTest {
  @TempDir Path dir;

  private static ConfigException refused(String yaml) {
    return assertThrows(ConfigException.class, () -> YamlReader.parse(yaml, "f.yaml"));
  }

  @Test
  void aliasesOfMapsListsAndScalarsStandForTheirAnchorsValue() {
    YamlField root =
        YamlReader.parse(
            "a: &m {x: 1, y: [2, 3]}\nb: *m\nc: &s hello\nd: *s\ne: &l [4, 5]\nf: *l\n", "f");
    assertEquals(1, root.required("b").required("x").integer(Range.integers(0, 9, "n")));
    assertEquals(2, root.required("b").required("y").elements(2, "items").size());
    assertEquals("hello", root.required("d").text("text"));
    assertEquals(5, root.required("f").numbers(2, 2, Range.closed(0, 9, "n"))[1]);
  }

  @Test
  void mergeKeysFillTheFieldsAMapLacksItsOwnFieldsWin() {
    YamlField root =
        YamlReader.parse(
            "base: &b {cpu: 1, mem: 256, q: 9}\n"
                + "web:\n  <<: *b\n  mem: 512\n"
                + "two:\n  <<: [{q: 1}, *b]\n",
            "f");
    YamlField web = root.required("web");
    assertEquals(List.of("mem", "cpu", "q"), web.keys());
    assertEquals(512, web.required("mem").number(Range.closed(0, 1e6, "n")));
    assertEquals(1, web.required("cpu").number(Range.closed(0, 1e6, "n")));
    assertEquals(1, root.required("two").required("q").number(Range.closed(0, 9, "n")));
    ConfigException e = refused("a:\n  <<: 5\n");
    assertEquals("a.<<", e.field());
    assertTrue(
        e.getMessage().contains("expected a map or a list of maps to merge"), e.getMessage());
  }

  @Test
  void aBillionLaughsIsRefusedByCountingWhatAliasesStandFor() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("l").append(i).append(": &l").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
      }
      yaml.append("]\n");
    }
    ConfigException e = refused(yaml.toString());
    assertTrue(e.getMessage().contains("at most 1000000 values"), e.getMessage());
    assertTrue(e.field().startsWith("l5"), e.field());
  }

  @Test
  void aliasesWithoutAnchorOrInsideTheirOwnAnchorAreRefused() {
    ConfigException unknown = refused("a: *nowhere\n");
    assertEquals("a", unknown.field());
    assertTrue(unknown.getMessage().contains("has no anchor '&nowhere'"), unknown.getMessage());
    ConfigException recursive = refused("a: &r [1, *r]\n");
    assertEquals("a[1]", recursive.field());
    assertTrue(recursive.getMessage().contains("cannot include itself"), recursive.getMessage());
  }

  @Test
  void duplicateKeysNameTheFieldAndBothLines() {
    ConfigException e = refused("a:\n  b: 1\n  c: 2\n  b: 3\n");
    assertEquals("a.b", e.field());
    assertTrue(
        e.getMessage().contains("duplicate key at line 4 (first at line 2)"), e.getMessage());
  }

  @Test
  void aSecondDocumentIsRefusedEvenAnEmptyOne() {
    ConfigException e = refused("a: 1\n---\nb: 2\n");
    assertTrue(
        e.getMessage().startsWith("f.yaml: expected one YAML document; got a second (starting at"),
        e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    refused("a: 1\n---\n");
    assertEquals(
        1, YamlReader.parse("---\na: 1\n...\n", "f").keys().size(), "one marked document is fine");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWithoutRecursion() {
    String deep = "[".repeat(YamlReader.MAX_DEPTH + 1) + "]".repeat(YamlReader.MAX_DEPTH + 1);
    ConfigException e = refused(deep);
    assertTrue(e.getMessage().contains("nested at most 200 deep"), e.getMessage());
    String ok = "[".repeat(YamlReader.MAX_DEPTH) + "]".repeat(YamlReader.MAX_DEPTH);
    assertTrue(YamlReader.parse(ok, "f").isList());
    String veryDeep = "[".repeat(200_000) + "]".repeat(200_000);
    assertTrue(refused(veryDeep).getMessage().contains("nested at most"));
  }

  @Test
  void aLongWordIsRefusedBeforeParsingAndALongScalarAfter() {
    String word = "x".repeat(YamlReader.MAX_SCALAR_CHARS + 1);
    ConfigException before = refused("name: " + word + "\n");
    assertTrue(
        before.getMessage().contains("at line 1, column 7: expected a value of at most 65536"),
        before.getMessage());
    assertTrue(before.getMessage().contains("refused before parsing"), before.getMessage());
    assertTrue(before.getMessage().length() < 300, "never echoes the value");
    String spaced = "ab ".repeat(YamlReader.MAX_SCALAR_CHARS / 3 + 10);
    ConfigException after = refused("top:\n  name: \"" + spaced + "\"\n");
    assertEquals("top.name", after.field());
    assertTrue(
        after
            .getMessage()
            .endsWith("at most 65536 characters; got " + spaced.length() + " characters"),
        after.getMessage());
    String longest = "y".repeat(YamlReader.MAX_SCALAR_CHARS);
    assertEquals(longest, YamlReader.parse("n: " + longest, "f").required("n").text("text"));
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      out.write("name: ".getBytes());
      byte[] chunk = "x".repeat(1 << 20).getBytes();
      for (int i = 0; i < 5; i++) {
        out.write(chunk);
      }
    }
    ConfigException e =
        assertThrows(ConfigException.class, () -> YamlReader.read(big, "big.yaml", "a topology"));
    assertEquals(
        "big.yaml: expected a topology of at most 4194304 bytes (the limit); got 5242886 bytes",
        e.getMessage());
  }

  @Test
  void infinitiesAndNanAreNumbersThatNoRangeAllows() {
    YamlField root = YamlReader.parse("a: .inf\nb: -.Inf\nc: .nan\nd: 1e400\n", "f");
    Range any = Range.closed(-1e300, 1e300, "a number");
    for (String k : List.of("a", "b", "c", "d")) {
      ConfigException e = assertThrows(ConfigException.class, () -> root.required(k).number(any));
      assertTrue(e.getMessage().contains("got the number "), e.getMessage());
    }
  }

  @Test
  void syntaxErrorsGiveTheLineAndColumnOnOneLine() {
    ConfigException e = refused("a: [1, 2\nb: 3\n");
    assertEquals("", e.field());
    assertTrue(e.getMessage().startsWith("f.yaml: not valid YAML at line 2, column 2: "));
    assertTrue(!e.getMessage().contains("\n"));
    ConfigException key = refused("? [a]\n: 1\n");
    assertTrue(key.getMessage().contains("a map key must be a plain value"), key.getMessage());
  }

  @Test
  void anEmptyFileGivesAMissingRootThatSaysTheFileIsEmpty() {
    YamlField root = YamlReader.parse("# only a comment\n", "f.yaml");
    assertTrue(root.isMissing());
    ConfigException e =
        assertThrows(ConfigException.class, () -> root.requireMap(List.of("name", "services")));
    assertEquals(
        "f.yaml: the file is empty; expected a map with fields name, services", e.getMessage());
  }
}
