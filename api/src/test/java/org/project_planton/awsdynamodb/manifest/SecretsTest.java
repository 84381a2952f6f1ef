package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No diagnostic repeats a credential from the file it is about. */
class SecretsTest {
    private static final Pattern CREDENTIAL = Pattern.compile("^\\s*(accessKeyId|secretAccessKey|secretAccesKey|sessionToken):\\s*(\\S+)\\s*$");

    static Stream<Path> filesWithCredentials() throws IOException {
        return Stream.of("invalid/provider-config", "load/provider-config", "invalid/stack-input")
                .flatMap(dir -> {
                    try {
                        return Cases.files(dir);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(file -> !credentials(file).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithCredentials")
    void diagnosticsDoNotRepeatCredentials(Path file) {
        List<Diagnostic> diagnostics = Cases.diagnostics(() -> Cases.load(file));
        assertFalse(diagnostics.isEmpty(), "an invalid case");
        for (String credential : credentials(file)) {
            for (Diagnostic d : diagnostics) {
                assertFalse(d.format().contains(credential), () -> "a diagnostic repeats a credential: " + d.format());
            }
        }
    }

    private static List<String> credentials(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(CREDENTIAL::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(2))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
