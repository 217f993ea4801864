package dev.trimtab.env.config;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a file that a user gives where text is expected, and says plainly what it is when it is
 * not: {@code expected a topology YAML file (UTF-8 text); got gzip-compressed data}, {@code ...;
 * got a ZIP archive (or a JAR)}, {@code ...; got binary data (a NUL byte at byte 12, line 1)},
 * {@code ...; got text that is not valid UTF-8 (at byte 40, line 3)}. Messages never echo the
 * file's bytes. Readers that accept gzip ({@link #open(Path, String, boolean, String)} with {@code
 * gzipAllowed}) decompress it, told by its magic bytes, and check what is inside.
 */
public final class TextInput {
  /** How many leading bytes {@link #open} inspects. */
  public static final int SNIFF_BYTES = 8192;

  private static final int BUFFER_BYTES = 1 << 16;

  private TextInput() {}

  /**
   * The whole text of a file of at most {@code maxBytes}, decoded as UTF-8 (a leading byte-order
   * mark is dropped). The size is checked before anything is read.
   *
   * @param source how messages name the file
   * @param expected what the file should be, e.g. {@code "a topology YAML file"}
   * @throws ConfigException naming {@code source} when the file is missing, a folder, too large,
   *     unreadable, or not UTF-8 text
   */
  public static String readAll(Path file, String source, long maxBytes, String expected) {
    checkIsFile(file, source, expected);
    try {
      if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
        throw tooLarge(source, Files.size(file), maxBytes, expected);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        throw tooLarge(source, bytes.length, maxBytes, expected);
      }
      String problem = describeNonText(bytes, bytes.length, true);
      if (problem != null) {
        throw notText(source, expected, problem);
      }
      int skip = hasUtf8Bom(bytes) ? 3 : 0;
      return new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotRead(source, e);
    }
  }

  /**
   * Opens a text file for streaming. Its first {@link #SNIFF_BYTES} bytes are checked (after
   * decompression, for gzip); the rest is the caller's to parse. When the compressed data turns out
   * truncated or corrupt part way, the stream's reads throw a {@link ConfigException} naming the
   * file (an unchecked exception, so that byte-level parsers need not handle it).
   *
   * @param gzipAllowed whether gzip-compressed files are decompressed (else refused)
   * @param expected what the file should be, e.g. {@code "an rps trace"}
   */
  public static InputStream open(Path file, String source, boolean gzipAllowed, String expected) {
    checkIsFile(file, source, expected);
    InputStream raw = null;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
      byte[] head = peek(raw);
      if (isGzip(head, head.length)) {
        if (!gzipAllowed) {
          throw notText(source, expected, "gzip-compressed data (decompress it first)");
        }
        InputStream unzipped =
            new BufferedInputStream(
                new GzipChecked(new GZIPInputStream(raw, BUFFER_BYTES), source), BUFFER_BYTES);
        byte[] inner = peek(unzipped);
        String problem = describeNonText(inner, inner.length, inner.length < SNIFF_BYTES);
        if (problem != null) {
          unzipped.close();
          throw notText(source, expected, "gzip-compressed data holding " + problem);
        }
        return unzipped;
      }
      String problem = describeNonText(head, head.length, head.length < SNIFF_BYTES);
      if (problem != null) {
        raw.close();
        throw notText(source, expected, problem);
      }
      return raw;
    } catch (ZipException | EOFException e) {
      closeQuietly(raw);
      throw corruptGzip(source, e);
    } catch (IOException e) {
      closeQuietly(raw);
      throw cannotRead(source, e);
    }
  }

  /**
   * What {@code bytes[0..length)} look like when they are not UTF-8 text: a known binary format by
   * its magic bytes, binary data with a NUL byte, or text in another encoding; null when they look
   * like UTF-8 text. With {@code complete} false the bytes are the start of a longer file, so a
   * character cut at the end is not an error.
   */
  public static String describeNonText(byte[] bytes, int length, boolean complete) {
    String magic = magic(bytes, length);
    if (magic != null) {
      return magic;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        return "binary data (a NUL byte at " + where(bytes, i) + ")";
      }
    }
    int bad = firstInvalidUtf8(bytes, length, complete);
    if (bad >= 0) {
      return "text that is not valid UTF-8 (at " + where(bytes, bad) + ")";
    }
    return null;
  }

  private static String magic(byte[] b, int n) {
    if (isGzip(b, n)) {
      return "gzip-compressed data";
    }
    if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6)) {
      return "a ZIP archive (or a JAR)";
    }
    if (starts(b, n, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
      return "a JPEG image";
    }
    if (starts(b, n, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (starts(b, n, '%', 'P', 'D', 'F', '-')) {
      return "a PDF document";
    }
    if (starts(b, n, 0x7F, 'E', 'L', 'F')) {
      return "an executable (ELF)";
    }
    if (starts(b, n, 0xCA, 0xFE, 0xBA, 0xBE)) {
      return "a Java class file";
    }
    if (starts(b, n, 'B', 'Z', 'h')) {
      return "bzip2-compressed data (decompress it first)";
    }
    if (starts(b, n, 0xFD, '7', 'z', 'X', 'Z', 0)) {
      return "xz-compressed data (decompress it first)";
    }
    if (starts(b, n, 0x28, 0xB5, 0x2F, 0xFD)) {
      return "zstd-compressed data (decompress it first)";
    }
    if (starts(b, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return "a 7z archive";
    }
    if (starts(b, n, 'P', 'A', 'R', '1')) {
      return "a Parquet file";
    }
    if (starts(b, n, 'S', 'Q', 'L', 'i', 't', 'e', ' ')) {
      return "an SQLite database";
    }
    if (n > 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a') {
      return "a tar archive";
    }
    if (starts(b, n, 0xFF, 0xFE) || starts(b, n, 0xFE, 0xFF)) {
      return "UTF-16 text (save it as UTF-8)";
    }
    return null;
  }

  private static boolean isGzip(byte[] b, int n) {
    return starts(b, n, 0x1F, 0x8B);
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return starts(b, b.length, 0xEF, 0xBB, 0xBF);
  }

  private static boolean starts(byte[] b, int n, int... prefix) {
    if (n < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
  private static int firstInvalidUtf8(byte[] bytes, int length, boolean complete) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult r = decoder.decode(in, out, complete);
      if (r.isError()) {
        return in.position();
      }
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      return complete && in.hasRemaining() ? in.position() : -1;
    }
  }

  /** {@code byte N, line L} for an offset, lines counted from 1. */
  private static String where(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return "byte " + offset + ", line " + line;
  }

  private static byte[] peek(InputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    return head;
  }

  private static void checkIsFile(Path file, String source, String expected) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(source, "", "expected " + expected + "; got a folder");
    }
    if (!Files.exists(file)) {
      throw new ConfigException(source, "", "no such file (expected " + expected + ")");
    }
  }

  private static ConfigException tooLarge(String source, long size, long max, String expected) {
    String got = size > max + 1 ? size + " bytes" : "more than " + max + " bytes";
    return new ConfigException(
        source,
        "",
        "expected " + expected + " of at most " + max + " bytes (the limit); got " + got);
  }

  private static ConfigException notText(String source, String expected, String problem) {
    return new ConfigException(
        source, "", "expected " + expected + " (UTF-8 text); got " + problem);
  }

  private static ConfigException corruptGzip(String source, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ConfigException(
        source, "", "the gzip data is truncated or corrupt (" + why + "); check the download");
  }

  /** A {@link ConfigException} for an I/O failure, saying why without a class name. */
  public static ConfigException cannotRead(String source, IOException e) {
    String why;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      why = "no such file";
    } else {
      why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return new ConfigException(source, "", "cannot read the file: " + why);
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // already failing with a better message
      }
    }
  }

  /** Turns truncated or corrupt gzip data found part way into a ConfigException. */
  private static final class GzipChecked extends FilterInputStream {
    private final String source;

    GzipChecked(InputStream in, String source) {
      super(in);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (ZipException | EOFException e) {
        throw corruptGzip(source, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw corruptGzip(source, e);
      }
    }
  }
}
