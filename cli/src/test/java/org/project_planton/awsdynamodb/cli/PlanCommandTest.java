package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    @Test
    void everySpecFieldIsVisibleInTheJsonPlan() throws Exception {
        CliRun run = CliRun.of("plan", "--manifest", resource("every-spec-field.yaml").toString(), "-o", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonArray resources = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("resources");
        assertEquals(List.of("pulumi:providers:aws", "aws:dynamodb/table:Table", "aws:dynamodb/contributorInsights:ContributorInsights"),
                StreamSupport.stream(resources.spliterator(), false).map(r -> r.getAsJsonObject().get("type").getAsString()).toList());
        JsonObject table = resources.get(1).getAsJsonObject().getAsJsonObject("inputs");
        for (String input : List.of("name", "billingMode", "readCapacity", "writeCapacity", "attributes", "hashKey", "rangeKey",
                "globalSecondaryIndexes", "localSecondaryIndexes", "ttl", "streamEnabled", "streamViewType", "pointInTimeRecovery",
                "serverSideEncryption", "tableClass", "deletionProtectionEnabled")) {
            assertTrue(table.has(input), "plan lacks " + input + ": " + table);
        }
        assertEquals("events", table.get("name").getAsString());
        assertEquals("STANDARD_INFREQUENT_ACCESS", table.get("tableClass").getAsString());
        assertEquals("NEW_AND_OLD_IMAGES", table.get("streamViewType").getAsString());
        assertEquals("expiresAt", table.getAsJsonObject("ttl").get("attributeName").getAsString());
        assertTrue(table.getAsJsonObject("serverSideEncryption").get("kmsKeyArn").getAsString().startsWith("arn:aws:kms:"));
        assertEquals("events", resources.get(2).getAsJsonObject().getAsJsonObject("inputs").get("tableName").getAsString());
    }

    @Test
    void credentialsArePrintedOnlyAsSecretMarkers() throws Exception {
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), """
                accountId: "123456789012"
                accessKeyId: AKIAIOSFODNN7EXAMPLE
                secretAccessKey: %s
                region: eu-west-1
                """.formatted(SECRET_KEY));
        String manifest = resource("every-spec-field.yaml").toString();

        for (String format : List.of("json", "text")) {
            CliRun run = CliRun.of("plan", "-m", manifest, "--aws-provider-config", credentials.toString(), "-o", format);

            assertEquals(0, run.exitCode(), run.err());
            assertFalse(run.out().contains(SECRET_KEY) || run.out().contains("AKIAIOSFODNN7EXAMPLE"), run.out());
            assertTrue(run.out().contains("[secret]"), run.out());
            assertTrue(run.out().contains("eu-west-1"), run.out());
        }
    }

    @Test
    void anInvalidManifestGetsDiagnosticsAndNoPlan() throws Exception {
        Path manifest = resource("five-mistakes.yaml");

        CliRun run = CliRun.of("plan", "-m", manifest.toString(), "-o", "json");

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(5, run.err().lines().filter(line -> line.startsWith(manifest + ":")).count(), run.err());
    }

    /** The README asks for chmod 600: a credentials file others can read is a warning, once; the plan goes on. */
    @Test
    void aCredentialsFileOthersCanReadIsAWarning() throws Exception {
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), """
                accountId: "123456789012"
                accessKeyId: AKIAIOSFODNN7EXAMPLE
                secretAccessKey: %s
                region: eu-west-1
                """.formatted(SECRET_KEY));
        String manifest = resource("every-spec-field.yaml").toString();

        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun open = CliRun.of("plan", "-m", manifest, "--aws-provider-config", credentials.toString());
        assertEquals(0, open.exitCode(), open.err());
        assertEquals(List.of(credentials + ": warning: the file holds AWS credentials and other users can read it (rw-r--r--);"
                        + " make it yours alone: chmod 600 " + credentials + " [provider_config.file_mode]"),
                open.err().lines().filter(l -> l.contains(credentials.toString())).toList());

        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        CliRun closed = CliRun.of("plan", "-m", manifest, "--aws-provider-config", credentials.toString());
        assertEquals(0, closed.exitCode(), closed.err());
        assertFalse(closed.err().contains(credentials.toString()), closed.err());
    }

    /** A malformed access key is one line, with a rule id of its own; the key itself is never quoted. */
    @Test
    void aBadAccessKeyIsReportedOnce() throws Exception {
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), """
                accountId: "123456789012"
                accessKeyId: AKIA1234
                secretAccessKey: %s
                region: eu-west-1
                """.formatted(SECRET_KEY));
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));

        CliRun run = CliRun.of("plan", "-m", resource("every-spec-field.yaml").toString(), "--aws-provider-config", credentials.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of(credentials + ":2:14: error: accessKeyId: must be 'AKIA' (long-term) or 'ASIA' (temporary) followed by 16"
                + " letters or digits, 20 characters in all [access_key_id.format]"),
                run.err().lines().filter(l -> l.contains(": error: ")).toList());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PlanCommandTest.class.getClassLoader().getResource(name).toURI());
    }
}
