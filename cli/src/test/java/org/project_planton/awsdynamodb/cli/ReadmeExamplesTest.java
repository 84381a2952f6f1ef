package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import org.project_planton.awsdynamodb.manifest.Manifests;

/** Every complete manifest in the README's yaml blocks validates, so the docs cannot rot. */
class ReadmeExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    static Stream<String> manifests() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> manifests = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(readme);
        while (block.find()) {
            // The reference block sketches the envelope with `spec: {}`; every other block is a manifest.
            if (!block.group(1).contains("spec: {}")) {
                manifests.add(block.group(1));
            }
        }
        assertTrue(manifests.size() >= 3, "expected the README's example manifests, found " + manifests.size());
        return manifests.stream();
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void readmeExampleIsValid(String manifest) {
        assertDoesNotThrow(() -> Manifests.loadValid(manifest, "README.md"));
    }
}
