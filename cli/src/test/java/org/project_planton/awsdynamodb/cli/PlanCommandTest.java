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

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PlanCommandTest.class.getClassLoader().getResource(name).toURI());
    }
}
