package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `project-planton diff`: offline, text and JSON, and its exit codes. */
@Timeout(120)
class DiffCommandTest {
    private static final String ORDERS = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
              keySchema:
                - {attributeName: pk, keyType: HASH}
            """;

    @TempDir
    Path dir;

    private CliRun diff(String from, String to, String... extra) throws Exception {
        Path a = Files.writeString(dir.resolve("old.yaml"), from);
        Path b = Files.writeString(dir.resolve("new.yaml"), to);
        return CliRun.of(Stream.concat(Stream.of("diff", "--from", a.toString(), "--to", b.toString()), Arrays.stream(extra))
                .toArray(String[]::new));
    }

    @Test
    void aKeyChangeReplacesTheTableAndExitsOne() throws Exception {
        CliRun run = diff(ORDERS, ORDERS.replace("{name: pk, type: S}", "{name: id, type: S}").replace("attributeName: pk", "attributeName: id"));

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                spec.keySchema: HASH pk -> HASH id replaces the table and deletes its items (a table's key schema is fixed when it is created: the table is deleted and created again)
                spec.attributeDefinitions[id]: (none) -> S is changed in place (attribute definitions name the key attributes of the table and its indexes; this one follows their changes)
                spec.attributeDefinitions[pk]: S -> (none) is changed in place (attribute definitions name the key attributes of the table and its indexes; this one follows their changes)
                3 changes; 1 of them replaces table orders, which deletes all its items
                """, run.out());
        assertEquals("", run.err());
    }

    /** Fields are named as the new manifest spells them; a snake_case file reads snake_case. */
    @Test
    void fieldsAreSpelledAsTheManifestSpellsThem() throws Exception {
        String snake = ORDERS.replace("billingMode", "billing_mode").replace("attributeDefinitions", "attribute_definitions")
                .replace("keySchema", "key_schema").replace("attributeName", "attribute_name").replace("keyType", "key_type");
        CliRun run = diff(snake, snake + "  deletion_protection_enabled: true\n");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("spec.deletion_protection_enabled: false -> true is changed in place"), run.out());
    }

    @Test
    void inPlaceChangesExitZero() throws Exception {
        CliRun run = diff(ORDERS, ORDERS + "  deletionProtectionEnabled: true\n  pointInTimeRecoveryEnabled: true\n");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                spec.pointInTimeRecoveryEnabled: disabled -> enabled, 35 days is changed in place (UpdateContinuousBackups, in place; turning it off, or shortening its window, drops the restore points outside the new window)
                spec.deletionProtectionEnabled: false -> true is changed in place (UpdateTable, in place; while it is on, AWS refuses to delete the table)
                2 changes, all made in place; table orders keeps its items
                """, run.out());
    }

    /** The resources the program registers beside the table are listed, in place, and never replace it. */
    @Test
    void resourcesBesideTheTableAreListed() throws Exception {
        String kinesis = "  kinesisStreamingDestination: {streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/%s'}\n";
        CliRun run = diff(ORDERS + kinesis.formatted("orders"), ORDERS + kinesis.formatted("orders-v2"), "-o", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertFalse(doc.get("replaces_table").getAsBoolean());
        assertEquals(1, doc.getAsJsonArray("changes").size(), run.out());
        JsonObject change = doc.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertTrue(change.get("path").getAsString().startsWith("spec.kinesisStreamingDestination ("), run.out());
        assertTrue(change.get("from").getAsString().contains("stream/orders,"), run.out());
        assertTrue(change.get("to").getAsString().contains("stream/orders-v2,"), run.out());
        assertEquals("update", change.get("effect").getAsString());
        assertTrue(change.get("reason").getAsString().startsWith("changed as a resource of its own, "
                + "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination"), run.out());

        CliRun removed = diff(ORDERS + kinesis.formatted("orders"), ORDERS);
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(removed.out().contains(" -> (none) is changed in place (deleted as a resource of its own"), removed.out());
        assertTrue(removed.out().endsWith("1 change, all made in place; table orders keeps its items\n"), removed.out());
    }

    @Test
    void identicalManifestsHaveNoChanges() throws Exception {
        CliRun run = diff(ORDERS, ORDERS.replace("kind: AwsDynamodb", "kind: AwsDynamodb # same table"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("no changes: both manifests plan the same table and the same resources beside it\n", run.out());

        CliRun json = diff(ORDERS, ORDERS, "-o", "json");
        assertEquals(0, json.exitCode());
        JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(0, doc.getAsJsonArray("changes").size());
        assertFalse(doc.get("replaces_table").getAsBoolean());
    }

    @Test
    void jsonNamesEveryChangeWithItsEffect() throws Exception {
        CliRun run = diff(ORDERS, ORDERS.replace("{name: pk, type: S}", "{name: pk, type: N}") + "  tableClass: STANDARD_INFREQUENT_ACCESS\n",
                "-o", "json");

        assertEquals(1, run.exitCode(), run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(doc.get("replaces_table").getAsBoolean());
        assertEquals(2, doc.getAsJsonArray("changes").size());
        JsonObject type = doc.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals("spec.attributeDefinitions[pk].type", type.get("path").getAsString());
        assertEquals("S", type.get("from").getAsString());
        assertEquals("N", type.get("to").getAsString());
        assertEquals("replace", type.get("effect").getAsString());
        assertTrue(type.get("reason").getAsString().contains("pulumi-aws#1057"));
        JsonObject tableClass = doc.getAsJsonArray("changes").get(1).getAsJsonObject();
        assertEquals("spec.tableClass", tableClass.get("path").getAsString());
        assertEquals("update", tableClass.get("effect").getAsString());
    }

    @Test
    void bothManifestsInvalidAreReportedTogetherAndNothingIsCompared() throws Exception {
        CliRun run = diff(ORDERS.replace("PAY_PER_REQUEST", "PROVISIONED"), ORDERS.replace("type: S", "type: X"));

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(dir.resolve("old.yaml") + ":6:16: error: spec.billingMode"), run.err());
        assertTrue(run.err().contains(dir.resolve("new.yaml") + ":8:24: error: spec.attributeDefinitions[0].type"), run.err());
    }

    /** As in CI: project-planton diff --from <(git show main:orders.yaml) --to orders.yaml, where --from is a pipe. */
    @Test
    void theOldManifestMayComeThroughAPipe() throws Exception {
        Path fifo = dir.resolve("from-git");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, ORDERS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Path to = Files.writeString(dir.resolve("new.yaml"), ORDERS.replace("{name: pk, type: S}", "{name: pk, type: B}"));

        CliRun run = CliRun.of("diff", "--from", fifo.toString(), "--to", to.toString());

        writer.join(10_000);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("spec.attributeDefinitions[pk].type: S -> B replaces the table"), run.out());
    }

    @Test
    void missingOptionsAreAUsageError() {
        CliRun run = CliRun.of("diff", "--from", "old.yaml");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("project-planton diff: error: missing required option: '--to=NEW.yaml'"), run.err());
    }
}
