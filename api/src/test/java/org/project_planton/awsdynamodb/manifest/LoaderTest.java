package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader errors that a case file cannot hold: no file, an empty one, bytes that are not UTF-8, sizes. */
class LoaderTest {
    private static final String MANIFEST = TestManifests.MINIMAL;

    @TempDir
    Path dir;

    /** The one diagnostic in {@code diagnostics}. */
    private static Diagnostic only(List<Diagnostic> diagnostics) {
        assertEquals(1, diagnostics.size(), () -> "diagnostics: " + diagnostics);
        return diagnostics.get(0);
    }

    private static String where(Diagnostic d) {
        return d.line() + ":" + d.column() + " [" + d.ruleId() + "]";
    }

    @Test
    void emptyText() {
        assertEquals("1:1 [yaml.empty]", where(only(Cases.diagnostics(() -> Manifests.loadValid("", "empty.yaml")))));
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");
        assertEquals("1:1 [yaml.empty]", where(only(Cases.diagnostics(() -> Manifests.loadValid(file)))));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.yaml");
        Diagnostic d = only(Cases.diagnostics(() -> Manifests.loadValid(file)));
        assertEquals("0:0 [file.not_found]", where(d));
        assertEquals(file + ": error: no such file [file.not_found]", d.format());
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheFirstBadByte() throws Exception {
        String text = MANIFEST.replace("name: orders", "name: café|orders");
        int cut = text.indexOf('|');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // Latin-1 ÿ, never valid in UTF-8
        bytes.writeBytes(text.substring(cut + 1).getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1.yaml"), bytes.toByteArray());

        Diagnostic d = only(Cases.diagnostics(() -> Manifests.loadValid(file)));
        assertEquals("4:13 [file.not_utf8]", where(d)); // "  name: café" is 12 characters, 13 bytes
        assertTrue(d.message().contains("0xFF"), d.message());
    }

    @Test
    void fileOfExactlyOneMebibyteLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("padded.yaml"), padded(Manifests.MAX_BYTES));
        assertEquals(Manifests.MAX_BYTES, Files.size(file));
        assertEquals("orders", Manifests.loadValid(file).getMetadata().getName());
    }

    @Test
    void fileOverOneMebibyteIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), padded(Manifests.MAX_BYTES + 1));
        assertEquals("0:0 [file.too_large]", where(only(Cases.diagnostics(() -> Manifests.loadValid(file)))));
    }

    @Test
    void textOverOneMebibyteIsRefused() {
        String text = padded(Manifests.MAX_BYTES + 1);
        assertEquals("0:0 [file.too_large]", where(only(Cases.diagnostics(() -> Manifests.loadValid(text, "big.yaml")))));
    }

    /** The manifest followed by a comment that brings it to exactly {@code size} bytes. */
    private static String padded(int size) {
        return MANIFEST + "#" + "x".repeat(size - MANIFEST.length() - 2) + "\n";
    }

    @Test
    void aliasBombEndsQuickly() {
        Path bomb = Cases.file("load/alias-bomb.yaml");
        Diagnostic d = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> only(Cases.diagnostics(() -> Manifests.loadValid(bomb))));
        assertEquals("yaml.too_large", d.ruleId());
    }

    /** Without aliases, a list long enough stops the reader at its node limit, well under the size limit. */
    @Test
    void documentWithTooManyNodes() {
        String text = MANIFEST.replace("  name: orders\n", "  name: orders\n  tags: [" + "t,".repeat(250_000) + "t]\n");
        assertTrue(text.length() < Manifests.MAX_BYTES);
        Diagnostic d = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> only(Cases.diagnostics(() -> Manifests.loadValid(text, "long.yaml"))));
        assertEquals("1:1 [yaml.too_large]", where(d));
    }
}
