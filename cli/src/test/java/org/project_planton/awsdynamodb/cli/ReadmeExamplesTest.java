package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.manifest.Manifests;

/** Every manifest and credentials example in the README's yaml blocks validates, so the docs cannot rot. */
class ReadmeExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    static Stream<String> manifests() throws IOException {
        List<String> manifests = yamlBlocks().stream()
                // The reference block sketches the envelope with `spec: {}`; it is not a whole manifest.
                .filter(block -> block.contains("kind: AwsDynamodb") && !block.contains("spec: {}"))
                .toList();
        assertTrue(manifests.size() >= 3, "expected the README's example manifests, found " + manifests.size());
        return manifests.stream();
    }

    static Stream<String> credentials() throws IOException {
        List<String> credentials = yamlBlocks().stream().filter(block -> block.startsWith("accountId:")).toList();
        assertEquals(1, credentials.size(), "expected the README's credentials example");
        return credentials.stream();
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void readmeManifestIsValid(String manifest) {
        assertDoesNotThrow(() -> Manifests.loadValid(manifest, "README.md"));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void readmeCredentialsAreValid(String credentials, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("aws.yaml"), credentials);
        assertDoesNotThrow(() -> Manifests.loadValidProviderConfig(file));
    }

    private static List<String> yamlBlocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
