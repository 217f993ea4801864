package dev.trimtab.env.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file that is not text says what it looks like, and never echoes its bytes. */
class TextInputTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("a.yaml"));
      z.write("name: x\n".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] hex(String hex) {
    String[] parts = hex.trim().split(" ");
    byte[] out = new byte[parts.length + 64];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    Arrays.fill(out, parts.length, out.length, (byte) 0x1b);
    return out;
  }

  private static void assertPrintable(String message) {
    for (char c : message.toCharArray()) {
      assertTrue(c >= 0x20 && c != 0x7f && c != 0xfffd, "unprintable in: " + message);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          png        | 89 50 4E 47 0D 0A 1A 0A | a PNG image
          jpeg       | FF D8 FF E0             | a JPEG image
          pdf        | 25 50 44 46 2D 31        | a PDF document
          elf        | 7F 45 4C 46 02          | an executable (ELF)
          class file | CA FE BA BE 00          | a Java class file
          bzip2      | 42 5A 68 39             | bzip2-compressed data (decompress it first)
          xz         | FD 37 7A 58 5A 00       | xz-compressed data (decompress it first)
          zstd       | 28 B5 2F FD             | zstd-compressed data (decompress it first)
          utf-16     | FF FE 6E 00 61 00       | UTF-16 text (save it as UTF-8)
          """)
  void knownBinaryFormatsAreNamed(String what, String magic, String looksLike) throws IOException {
    Path file = write("f.yaml", hex(magic));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> TextInput.readAll(file, "f.yaml", 1 << 20, "a topology YAML file"));
    assertEquals(
        "f.yaml: expected a topology YAML file (UTF-8 text); got " + looksLike, e.getMessage());
  }

  @Test
  void gzipZipNulAndBadUtf8SayWhatTheyAre() throws IOException {
    byte[] yaml = "name: x\n".getBytes(StandardCharsets.UTF_8);
    String expected = "f.yaml: expected a topology YAML file (UTF-8 text); got ";
    Object[][] cases = {
      {gzip(yaml), "gzip-compressed data"},
      {zip(), "a ZIP archive (or a JAR)"},
      {
        "name: x\nab\0cd".getBytes(StandardCharsets.ISO_8859_1),
        "binary data (a NUL byte at byte 10, line 2)"
      },
      {
        "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
        "text that is not valid UTF-8 (at byte 11, line 2)"
      },
      {
        new byte[] {'a', ':', ' ', (byte) 0xE2, (byte) 0x82},
        "text that is not valid UTF-8 (at byte 3, line 1)"
      },
    };
    for (Object[] c : cases) {
      Path file = write("f.yaml", (byte[]) c[0]);
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> TextInput.readAll(file, "f.yaml", 1 << 20, "a topology YAML file"));
      assertTrue(e.getMessage().startsWith(expected + c[1]), e.getMessage());
      assertPrintable(e.getMessage());
    }
  }

  @Test
  void aUtf8ByteOrderMarkIsDroppedAndUnicodeTextKept() throws IOException {
    byte[] text = "\uFEFFname: caf\u00e9 \u2615\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "name: caf\u00e9 \u2615\n", TextInput.readAll(write("f.yaml", text), "f", 100, "text"));
  }

  @Test
  void foldersAndMissingFilesAreNamed() {
    ConfigException folder =
        assertThrows(ConfigException.class, () -> TextInput.readAll(dir, "d", 10, "a topology"));
    assertEquals("d: expected a topology; got a folder", folder.getMessage());
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> TextInput.readAll(dir.resolve("no.yaml"), "no.yaml", 10, "a topology"));
    assertEquals("no.yaml: no such file (expected a topology)", missing.getMessage());
  }

  @Test
  void streamsDecompressGzipAndCheckWhatIsInside() throws IOException {
    Path text = write("t.txt.gz", gzip("1 2 3\n".getBytes(StandardCharsets.UTF_8)));
    try (InputStream in = TextInput.open(text, "t", true, "an rps trace")) {
      assertEquals("1 2 3\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    ConfigException refusedGzip =
        assertThrows(ConfigException.class, () -> TextInput.open(text, "t", false, "a CSV"));
    assertTrue(refusedGzip.getMessage().endsWith("got gzip-compressed data (decompress it first)"));
    Path png = write("p.gz", gzip(hex("89 50 4E 47 0D 0A 1A 0A")));
    ConfigException inner =
        assertThrows(ConfigException.class, () -> TextInput.open(png, "p.gz", true, "a trace"));
    assertEquals(
        "p.gz: expected a trace (UTF-8 text); got gzip-compressed data holding a PNG image",
        inner.getMessage());
  }

  @Test
  void truncatedGzipIsABadFileNotACrash() throws IOException {
    byte[] whole = gzip("1 2 3 4 5 6 7 8 9\n".repeat(20_000).getBytes(StandardCharsets.UTF_8));
    Path cut = write("cut.gz", Arrays.copyOf(whole, whole.length / 2));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> {
              try (InputStream in = TextInput.open(cut, "cut.gz", true, "an rps trace")) {
                in.readAllBytes();
              }
            });
    assertTrue(
        e.getMessage().startsWith("cut.gz: the gzip data is truncated or corrupt ("),
        e.getMessage());
    Path header = write("h.gz", Arrays.copyOf(whole, 5));
    assertThrows(ConfigException.class, () -> TextInput.open(header, "h.gz", true, "a trace"));
  }
}
