package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;

/**
 * What {@code Manifests.loadValid} gives {@code whileValidating} (plan starts its mock run there):
 * the manifest as read, --set values applied, before its validation; nothing for text that does not read.
 */
class WhileValidatingTest {
    @TempDir
    Path dir;

    private final List<AwsDynamodb> given = new ArrayList<>();

    private Manifests.Loaded<AwsDynamodb> load(String yaml, List<String> assignments) throws Exception {
        Path file = Files.writeString(dir.resolve("orders.yaml"), yaml);
        return Manifests.loadValid(file, assignments, "", warning -> { }, given::add);
    }

    @Test
    void aValidManifestIsGivenOnceAsItIsReturned() throws Exception {
        Manifests.Loaded<AwsDynamodb> loaded = load(TestManifests.MINIMAL, List.of("spec.tableClass=STANDARD_INFREQUENT_ACCESS"));

        assertEquals(List.of(loaded.message()), given);
        assertEquals(AwsDynamodbSpec.TableClass.STANDARD_INFREQUENT_ACCESS, given.get(0).getSpec().getTableClass());
    }

    @Test
    void anInvalidManifestIsGivenBeforeItsValidationFails() {
        InvalidManifestException invalid = assertThrows(InvalidManifestException.class,
                () -> load(TestManifests.MINIMAL.replace("name: orders", "name: x"), List.of()));

        assertEquals("table_name.format", invalid.diagnostics().get(0).ruleId(), invalid.diagnostics().toString());
        assertEquals(1, given.size());
        assertEquals("x", given.get(0).getMetadata().getName());
    }

    @Test
    void textThatDoesNotReadIsNeverGiven() {
        assertThrows(InvalidManifestException.class, () -> load("kind: [", List.of()));
        assertThrows(InvalidManifestException.class, () -> load(TestManifests.MINIMAL.replace("spec:", "spce:"), List.of()));
        assertThrows(InvalidManifestException.class, () -> load(TestManifests.MINIMAL, List.of("spec.noSuchField=1")));
        assertThrows(InvalidManifestException.class, () -> load(TestManifests.MINIMAL.replace("kind: AwsDynamodb", "kind: AwsS3Bucket"), List.of()));

        assertTrue(given.isEmpty(), given.toString());
    }
}
