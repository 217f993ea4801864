package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small JSON files users write or download (labels, fault lists, model files) with the
 * same guards everywhere: a size limit, a clear word for a gzip or binary file given where text is
 * expected, bounded parsing, and error messages that never echo the file's bytes.
 */
public final class UserFiles {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(1 << 20)
                          .maxNumberLength(64)
                          .build())
                  .build())
          .build();

  private UserFiles() {}

  /** The file as UTF-8 text, or a {@link ConfigException} saying what it is instead. */
  public static String text(Path file, long maxBytes, String expected) {
    String src = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(src, "", "is a folder; expected " + expected);
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(src, "", "no such file; expected " + expected);
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new ConfigException(
            src, "", "is " + size + " bytes; " + expected + " is at most " + maxBytes + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        throw new ConfigException(
            src, "", "is gzip-compressed; expected " + expected + " as plain text (gunzip it)");
      }
      String text = utf8(bytes);
      if (text == null || text.indexOf('\0') >= 0) {
        throw new ConfigException(src, "", "is binary, not text; expected " + expected);
      }
      return text;
    } catch (IOException e) {
      throw new ConfigException(src, "", "cannot read: " + printable(e.getMessage()));
    }
  }

  /** The file parsed as JSON, with the guards of {@link #text}. */
  public static JsonNode json(Path file, long maxBytes, String expected) {
    return json(text(file, maxBytes, expected), file.toString());
  }

  /** {@code text} parsed as JSON; errors name {@code src} and the line. */
  public static JsonNode json(String text, String src) {
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || n.isMissingNode()) {
        throw new ConfigException(src, "", "empty; expected JSON");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ConfigException(src, "", "not valid JSON" + where + ": " + reason(e));
    }
  }

  /** Jackson's complaint without the token it quotes (which may be anything). */
  private static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.startsWith("Unrecognized token")) {
      return "unexpected text";
    }
    if (m.startsWith("Unexpected character")) {
      return "unexpected character";
    }
    if (m.contains("end-of-input")) {
      return "the file ends in the middle of a value";
    }
    int cut = m.indexOf('\n');
    return printable(cut < 0 ? m : m.substring(0, cut));
  }

  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** {@code s} with control and undecodable characters replaced, cut to 200 characters. */
  public static String printable(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(c < 32 || c == 127 || c == 0xFFFD ? '?' : c);
    }
    return s.length() > 200 ? b + "..." : b.toString();
  }
}
