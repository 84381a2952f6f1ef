package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.awsdynamodb.manifest.Manifests;

/** ProjectPlanton's ways of naming the input: -f, -i (a whole stack input), and load-manifest. */
class StackInputAndLoadManifestTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    /** ProjectPlanton's older spelling: prefixed enums, some snake_case names. */
    private static final String MANIFEST = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
              labels:
                team: "yes"
            spec:
              billing_mode: BILLING_MODE_PROVISIONED
              provisionedThroughput: {read_capacity_units: 5, writeCapacityUnits: "5"}
              attributeDefinitions:
                - name: pk
                  type: ATTRIBUTE_TYPE_S
              keySchema:
                - attributeName: pk
                  keyType: KEY_TYPE_HASH
            """;
    private static final String CREDENTIALS = """
              accountId: "123456789012"
              accessKeyId: %s
              secretAccessKey: %s
              region: us-east-1
            """.formatted(ACCESS_KEY, SECRET_KEY);

    @TempDir
    Path dir;

    @Test
    void loadManifestPrintsTheCanonicalFormAfterSetAndItLoadsBackTheSame() throws Exception {
        Path manifest = Files.writeString(dir.resolve("orders.yaml"), MANIFEST);

        CliRun run = CliRun.of("load-manifest", manifest.toString(), "--set", "spec.provisionedThroughput.readCapacityUnits=7");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                apiVersion: aws.project-planton.org/v1
                kind: AwsDynamodb
                metadata:
                  name: orders
                  labels:
                    team: 'yes'
                spec:
                  billingMode: PROVISIONED
                  provisionedThroughput:
                    readCapacityUnits: 7
                    writeCapacityUnits: 5
                  attributeDefinitions:
                    - name: pk
                      type: S
                  keySchema:
                    - attributeName: pk
                      keyType: HASH
                """, run.out());
        assertEquals(Manifests.loadValid(manifest, List.of("spec.provisionedThroughput.readCapacityUnits=7")),
                Manifests.loadValid(run.out(), "printed"));
        assertEquals(run.out(), CliRun.of("load", "-f", manifest.toString(), "--set", "spec.provisionedThroughput.readCapacityUnits=7").out());
    }

    @Test
    void loadManifestOfAStackInputPrintsTheTargetAndNeverTheCredentials() throws IOException {
        Path input = Files.writeString(dir.resolve("input.yaml"), stackInput(MANIFEST, CREDENTIALS));

        CliRun run = CliRun.of("load-manifest", "-i", input.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\n"), run.out());
        assertFalse(run.out().contains(SECRET_KEY));
        assertFalse(run.out().contains(ACCESS_KEY));
        assertFalse(run.out().contains("providerConfig"));
    }

    @Test
    void loadManifestOfAnInvalidManifestPrintsItsDiagnosticsAndNothingElse() throws IOException {
        Path manifest = Files.writeString(dir.resolve("orders.yaml"), MANIFEST.replace("name: orders", "name: ab"));
        CliRun run = CliRun.of("load-manifest", manifest.toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(manifest + ":4:9: error: metadata.name: "), run.err());
    }

    @Test
    void loadManifestWantsExactlyOneManifest() throws IOException {
        Path manifest = Files.writeString(dir.resolve("orders.yaml"), MANIFEST);
        assertEquals(2, CliRun.of("load-manifest").exitCode());
        assertEquals(2, CliRun.of("load-manifest", manifest.toString(), "-f", manifest.toString()).exitCode());
        assertEquals(2, CliRun.of("load-manifest", "-f", manifest.toString(), "-i", manifest.toString()).exitCode());
    }

    @Test
    void aStackInputPlansExactlyAsTheManifestAndCredentialsFilesDo() throws IOException {
        Path manifest = Files.writeString(dir.resolve("orders.yaml"), MANIFEST);
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), CREDENTIALS.stripIndent());
        Path input = Files.writeString(dir.resolve("input.yaml"), stackInput(MANIFEST, CREDENTIALS));

        CliRun fromFiles = CliRun.of("plan", "-f", manifest.toString(), "--aws-provider-config", credentials.toString(), "-o", "json");
        CliRun fromInput = CliRun.of("plan", "-i", input.toString(), "-o", "json");

        assertEquals(0, fromInput.exitCode(), fromInput.err());
        assertEquals(fromFiles.out(), fromInput.out());
        assertFalse(fromInput.out().contains(SECRET_KEY));
        assertTrue(fromInput.out().contains("\"readCapacity\": 5"), fromInput.out());
    }

    @Test
    void aStackInputIsValidatedAsAManifestIsWithPositionsInTheStackInputFile() throws IOException {
        // An unused attribute definition: a pre-flight rule, which runs on a stack input's target too.
        String manifest = MANIFEST.replace("  keySchema:\n", "    - name: leftover\n      type: S\n  keySchema:\n");
        Path input = Files.writeString(dir.resolve("input.yaml"), stackInput(manifest, CREDENTIALS.replace(SECRET_KEY, SECRET_KEY.substring(1))));

        CliRun run = CliRun.of("plan", "-i", input.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of(
                input + ":14:15: error: target.spec.attributeDefinitions[1].name: attribute 'leftover' is defined but no table or index key uses it; DynamoDB rejects unused attribute definitions [attribute_definitions.unused]",
                input + ":22:20: error: providerConfig.secretAccessKey: must be exactly 40 characters of letters, digits, '/' and '+' [secret_access_key.format]"),
                lines.stream().filter(l -> !l.contains("spec.aws.secret_access_key")).toList(), run.err());
        assertFalse(run.err().contains(SECRET_KEY.substring(1)), "a secret was quoted");
    }

    @Test
    void setOnAStackInputNamesTheManifestsPathAndIsReportedAgainstTheSet() throws IOException {
        Path input = Files.writeString(dir.resolve("input.yaml"), stackInput(MANIFEST, CREDENTIALS));

        CliRun ok = CliRun.of("load-manifest", "-i", input.toString(), "--set", "metadata.name=payments");
        CliRun bad = CliRun.of("plan", "-i", input.toString(), "--set", "metadata.name=ab");

        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("  name: payments\n"), ok.out());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("--set metadata.name=ab: error: target.metadata.name: "), bad.err());
    }

    @Test
    void aStackInputWithCredentialsAndACredentialsFileIsAUsageError() throws IOException {
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), CREDENTIALS.stripIndent());
        Path input = Files.writeString(dir.resolve("input.yaml"), stackInput(MANIFEST, CREDENTIALS));

        CliRun run = CliRun.of("plan", "-i", input.toString(), "--aws-provider-config", credentials.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("already holds providerConfig"), run.err());
        assertEquals(2, CliRun.of("plan", "-i", input.toString(), "-f", input.toString()).exitCode());
    }

    @Test
    void aStackInputWithoutCredentialsTakesTheCredentialsFile() throws IOException {
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), CREDENTIALS.stripIndent());
        Path input = Files.writeString(dir.resolve("input.yaml"), "target:\n" + MANIFEST.indent(2));

        CliRun run = CliRun.of("plan", "-i", input.toString(), "--aws-provider-config", credentials.toString(), "-o", "json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"accessKey\": \"[secret]\""), run.out());
    }

    private static String stackInput(String manifest, String credentials) {
        return "target:\n" + manifest.indent(2) + "providerConfig:\n" + credentials;
    }
}
