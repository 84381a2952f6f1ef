package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every manifest under {@code src/test/resources/manifests}. Files under {@code valid/} must
 * load with no diagnostic. Every other file states what it expects, one comment line per diagnostic:
 * <pre># expect: LINE:COL PATH [RULE-ID] optional text the message contains</pre>
 * PATH is {@code -} for a diagnostic about the whole file. The text is matched against the message as
 * printed, with control characters escaped. Loading must produce exactly those
 * diagnostics: same rule ids, paths and positions, no more and no fewer.
 */
class ManifestCasesTest {
    private static final Pattern EXPECT = Pattern.compile("^#\\s*expect:\\s*(\\d+:\\d+ \\S+ \\[[^\\]]+\\])\\s*(.*)$");

    /** One expected diagnostic: its key ({@code LINE:COL PATH [RULE]}) and a fragment of its message. */
    record Expectation(String key, String messagePart) {}

    static Stream<Path> valid() throws IOException {
        return Cases.files("valid");
    }

    static Stream<Path> invalid() throws IOException {
        return Stream.concat(Cases.files("invalid"), Cases.files("load"));
    }

    /** A valid case loads with no error; its '# expect:' lines, if any, are exactly its warnings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validManifestLoadsWithoutErrorsAndWithExactlyTheExpectedWarnings(Path file) throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        assertEquals(List.of(), Cases.diagnostics(() -> Cases.load(file, warnings::add)).stream().map(Diagnostic::format).toList());
        List<Expectation> expected = expectations(file);
        assertEquals(expected.stream().map(Expectation::key).sorted().toList(),
                warnings.stream().map(ManifestCasesTest::key).sorted().toList(),
                () -> "warnings:\n" + String.join("\n", warnings.stream().map(Diagnostic::format).toList()));
        for (Expectation e : expected) {
            assertTrue(warnings.stream().anyMatch(d -> key(d).equals(e.key()) && d.message().contains(e.messagePart())),
                    () -> "no message of " + e.key() + " contains '" + e.messagePart() + "': " + warnings);
        }
        for (Diagnostic d : warnings) {
            assertEquals(Diagnostic.Severity.WARNING, d.severity());
            assertTrue(d.format().contains(": warning: "), d.format());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidManifestGivesExactlyTheExpectedDiagnostics(Path file) throws IOException {
        List<Expectation> expected = expectations(file);
        assertFalse(expected.isEmpty(), "an invalid case needs at least one '# expect:' line");
        List<Diagnostic> actual = Cases.diagnostics(() -> Cases.load(file));

        assertEquals(expected.stream().map(Expectation::key).sorted().toList(),
                actual.stream().map(ManifestCasesTest::key).sorted().toList(),
                () -> "diagnostics:\n" + String.join("\n", actual.stream().map(Diagnostic::format).toList()));
        for (Expectation e : expected) {
            assertTrue(actual.stream().anyMatch(d -> key(d).equals(e.key()) && Text.printable(d.message()).contains(e.messagePart())),
                    () -> "no message of " + e.key() + " contains '" + e.messagePart() + "': " + actual);
        }
        for (Diagnostic d : actual) {
            assertEquals(file.toString(), d.file(), "every diagnostic names the file it is about");
            assertTrue(d.format().chars().noneMatch(c -> c < 0x20), () -> "a diagnostic is one printable line: " + d.format());
        }
    }

    private static String key(Diagnostic d) {
        return d.line() + ":" + d.column() + " " + (d.path().isEmpty() ? "-" : d.path()) + " [" + d.ruleId() + "]";
    }

    static List<Expectation> expectations(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> line.startsWith("# expect"))
                .map(line -> {
                    Matcher m = EXPECT.matcher(line);
                    assertTrue(m.matches(), () -> "malformed expectation in " + file + ": " + line);
                    return new Expectation(m.group(1), m.group(2));
                })
                .toList();
    }
}
