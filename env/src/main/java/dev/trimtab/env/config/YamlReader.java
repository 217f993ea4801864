package dev.trimtab.env.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one YAML reader behind every user format (topologies, workloads, fault campaigns, problems,
 * RCA scenarios). It reads at most {@link #MAX_FILE_BYTES}, refuses binary or non-UTF-8 files by
 * what they look like ({@link TextInput}), and parses with Jackson's YAML parser (SnakeYAML
 * underneath) into a tree that {@link YamlField} binds. The same limits hold for every format:
 *
 * <ul>
 *   <li>a file is at most {@link #MAX_FILE_BYTES} bytes, checked before reading;
 *   <li>a scalar (a value or a key) is at most {@link #MAX_SCALAR_CHARS} characters; a run of that
 *       many characters without a space or flow punctuation is refused before parsing, because
 *       SnakeYAML's scanner takes time quadratic in such a run (20 MB took a minute);
 *   <li>maps and lists nest at most {@link #MAX_DEPTH} deep;
 *   <li>a file holds at most {@link #MAX_VALUES} values (maps, lists and scalars), counting every
 *       use of an alias as the values it stands for, which stops "billion laughs" bombs;
 *   <li>one document per file; duplicate keys in a map are errors.
 * </ul>
 *
 * <p>Anchors ({@code &name}), aliases ({@code *name}) and merge keys ({@code <<: *name}, whose
 * fields the map's own fields override) are accepted; an alias stands for its anchor's value,
 * shared, not copied.
 */
public final class YamlReader {
  /** Largest file read: 4 MiB. The largest bundled topology is 34 KB. */
  public static final int MAX_FILE_BYTES = 4 << 20;

  /** Longest scalar, in characters. */
  public static final int MAX_SCALAR_CHARS = 65_536;

  /** Deepest nesting of maps and lists. */
  public static final int MAX_DEPTH = 200;

  /** Most values in a file, aliases counted as what they stand for. */
  public static final int MAX_VALUES = 1_000_000;

  private static final YamlParsing FACTORY = newFactory();

  private YamlReader() {}

  /**
   * Reads the YAML file {@code file}.
   *
   * @param source how errors name the file (usually the path as the user gave it)
   * @param expected what the file should be, e.g. {@code "a topology YAML file"}
   * @return the root field; it is missing (see {@link YamlField#isMissing()}) for an empty file
   * @throws ConfigException naming {@code source} for any problem
   */
  public static YamlField read(Path file, String source, String expected) {
    return parse(TextInput.readAll(file, source, MAX_FILE_BYTES, expected), source);
  }

  /**
   * Parses YAML text (a bundled file, or a test's), with the same limits as {@link #read}.
   *
   * @param source how errors name the text, e.g. {@code bundled:social-network}
   */
  public static YamlField parse(String yaml, String source) {
    if (yaml.length() > MAX_FILE_BYTES) {
      throw new ConfigException(
          source,
          "",
          "expected YAML of at most " + MAX_FILE_BYTES + " characters; got " + yaml.length());
    }
    checkRuns(yaml, source);
    try (YamlParsing.AnchoringParser parser =
        (YamlParsing.AnchoringParser) FACTORY.createParser(yaml)) {
      return YamlField.root(source, new YamlTreeBuilder(parser, source).build());
    } catch (StreamConstraintsException e) {
      String why = e.getOriginalMessage().replaceAll(", from `[^`]*`", "").strip();
      throw new ConfigException(source, "", "exceeds a limit " + where(e) + why);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, "", "not valid YAML " + syntaxProblem(e));
    } catch (YAMLException e) {
      throw new ConfigException(source, "", "not valid YAML: " + firstLine(e.getMessage()));
    } catch (IOException e) {
      throw TextInput.cannotRead(source, e);
    }
  }

  /**
   * Refuses, before parsing, any run of more than {@link #MAX_SCALAR_CHARS} characters without a
   * space, quote or flow punctuation: the only input on which the scanner is slow.
   */
  private static void checkRuns(String yaml, String source) {
    int run = 0;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      switch (c) {
        case '\n' -> {
          run = 0;
          line++;
          lineStart = i + 1;
        }
        case ' ', '\t', '\r', ',', '[', ']', '{', '}', '"', '\'' -> run = 0;
        default -> {
          if (++run > MAX_SCALAR_CHARS) {
            int column = i - run + 2 - lineStart;
            throw new ConfigException(
                source,
                "",
                "at line "
                    + line
                    + ", column "
                    + column
                    + ": expected a value of at most "
                    + MAX_SCALAR_CHARS
                    + " characters; got a run of more than "
                    + MAX_SCALAR_CHARS
                    + " characters without a space (refused before parsing)");
          }
        }
      }
    }
  }

  /** Where and what, on one line: SnakeYAML's problem and context, else Jackson's message. */
  private static String syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String context =
          m.getContext() == null || m.getContextMark() == null
              ? ""
              : " (" + firstLine(m.getContext()) + " started at " + place(m.getContextMark()) + ")";
      return "at " + place(m.getProblemMark()) + ": " + firstLine(m.getProblem()) + context;
    }
    String message = firstLine(e.getOriginalMessage());
    if (message.startsWith("Expected a field name")) {
      message = "a map key must be a plain value, not a list or a map";
    }
    return where(e) + message;
  }

  private static String where(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? ": "
        : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  private static String place(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static YamlParsing newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 1)
            .maxStringLength(MAX_FILE_BYTES)
            .maxNameLength(MAX_FILE_BYTES)
            .maxNumberLength(1000)
            .build();
    return new YamlParsing(
        YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints));
  }
}
