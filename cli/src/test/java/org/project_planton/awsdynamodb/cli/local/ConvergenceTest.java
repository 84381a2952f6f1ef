package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.ReplacementRefused;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** `local up` run again after the manifest changed: each step checked on the live table. */
class ConvergenceTest {
    static final String BASE = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: converge
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
                - {name: sk, type: N}
              keySchema:
                - {attributeName: pk, keyType: HASH}
                - {attributeName: sk, keyType: RANGE}
            """;
    static final String GSI = """
              globalSecondaryIndexes:
                - name: by-status
                  keySchema: [{attributeName: status, keyType: HASH}]
                  projection: {type: KEYS_ONLY}
            """;

    @AfterEach
    void drop() {
        EmbeddedDynamoDb.drop("converge");
    }

    private static TableDescription up(String yaml) throws Exception {
        AwsDynamodb manifest = EmbeddedDynamoDb.manifest(yaml);
        EmbeddedDynamoDb.up(manifest);
        TableDescription live = EmbeddedDynamoDb.client().describeTable(b -> b.tableName("converge")).table();
        RoundTripTest.assertMatches(manifest.getSpec(), live,
                EmbeddedDynamoDb.client().describeTimeToLive(b -> b.tableName("converge")).timeToLiveDescription());
        return live;
    }

    @Test
    void addAndRemoveAGsi() throws Exception {
        assertEquals(0, up(BASE).globalSecondaryIndexes().size());
        String withGsi = BASE.replace("    - {name: sk, type: N}\n", "    - {name: sk, type: N}\n    - {name: status, type: S}\n") + GSI;
        assertEquals("by-status", up(withGsi).globalSecondaryIndexes().get(0).indexName());
        assertTrue(up(BASE).globalSecondaryIndexes().isEmpty());
    }

    @Test
    void billingModeBothWays() throws Exception {
        up(BASE);
        String provisioned = BASE.replace("billingMode: PAY_PER_REQUEST", "billingMode: PROVISIONED\n  provisionedThroughput: {readCapacityUnits: 3, writeCapacityUnits: 2}");
        assertEquals(3, up(provisioned).provisionedThroughput().readCapacityUnits());
        assertEquals(7, up(provisioned.replace("readCapacityUnits: 3", "readCapacityUnits: 7")).provisionedThroughput().readCapacityUnits());
        assertEquals("PAY_PER_REQUEST", up(BASE).billingModeSummary().billingModeAsString());
    }

    /**
     * PAY_PER_REQUEST, PROVISIONED, PAY_PER_REQUEST, then PROVISIONED again with the same capacities,
     * on a table with a GSI: the engine remembers the last provisioned throughput across the on-demand
     * period, and the switch back must still succeed (and every later run too).
     */
    @Test
    void billingRoundTripWithAGsi() throws Exception {
        String onDemand = BASE.replace("    - {name: sk, type: N}\n", "    - {name: sk, type: N}\n    - {name: status, type: S}\n") + GSI;
        String provisioned = onDemand
                .replace("billingMode: PAY_PER_REQUEST", "billingMode: PROVISIONED\n  provisionedThroughput: {readCapacityUnits: 5, writeCapacityUnits: 5}")
                + "      provisionedThroughput: {readCapacityUnits: 1, writeCapacityUnits: 1}\n";
        up(onDemand);
        for (int round = 0; round < 2; round++) {
            TableDescription p = up(provisioned);
            assertEquals("PROVISIONED", TableComparison.billingMode(p));
            assertEquals(5, p.provisionedThroughput().readCapacityUnits());
            assertEquals(1, p.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits());
            assertEquals("PAY_PER_REQUEST", TableComparison.billingMode(up(onDemand)));
        }
        up(provisioned);
        List<String> again = EmbeddedDynamoDb.up(EmbeddedDynamoDb.manifest(provisioned)).stream().filter(l -> !l.startsWith("note: ")).toList();
        assertEquals(List.of("table converge: in sync with the manifest; nothing to change"), again, "a run on a table in sync changes nothing and says so");
    }

    @Test
    void streamTtlAndDeletionProtectionOnAndOff() throws Exception {
        up(BASE);
        up(BASE + "  streamEnabled: true\n  streamViewType: NEW_IMAGE\n");
        up(BASE + "  streamEnabled: true\n  streamViewType: KEYS_ONLY\n");
        up(BASE);
        up(BASE + "  ttl: {enabled: true, attributeName: expiresAt}\n");
        up(BASE + "  ttl: {enabled: false, attributeName: expiresAt}\n");
        assertTrue(up(BASE + "  deletionProtectionEnabled: true\n").deletionProtectionEnabled());
        assertEquals(Boolean.FALSE, up(BASE).deletionProtectionEnabled());
    }

    @Test
    void aKeySchemaChangeIsRefusedAndChangesNothing() throws Exception {
        TableDescription before = up(BASE + "  deletionProtectionEnabled: true\n");
        String changed = BASE.replace("{attributeName: sk, keyType: RANGE}", "{attributeName: pk2, keyType: RANGE}")
                .replace("{name: sk, type: N}", "{name: pk2, type: N}") + "  deletionProtectionEnabled: false\n";
        ReplacementRefused refused = assertThrows(ReplacementRefused.class,
                () -> EmbeddedDynamoDb.up(EmbeddedDynamoDb.manifest(changed)));
        assertEquals(List.of("spec.key_schema: HASH pk, RANGE sk -> HASH pk, RANGE pk2 replaces the table and deletes its items"
                + " (a table's key schema is fixed when it is created: the table is deleted and created again)"), refused.causes());
        assertEquals("refusing to change table converge: it would have to be replaced; nothing was changed."
                + " To start over with an empty table, run `project-planton local down` first", refused.getMessage());
        TableDescription after = EmbeddedDynamoDb.client().describeTable(b -> b.tableName("converge")).table();
        assertEquals(before.keySchema(), after.keySchema());
        assertEquals(before.attributeDefinitions(), after.attributeDefinitions());
        assertTrue(after.deletionProtectionEnabled(), "the refused run must not have applied the other changes");
    }

    /** Refused with the very lines the change classifier gives for the same two manifests offline. */
    @Test
    void keyTypeAndLsiChangesAreRefusedWithTheClassifiersWords() throws Exception {
        String lsi = """
                  localSecondaryIndexes:
                    - name: by-created
                      keySchema: [{attributeName: pk, keyType: HASH}, {attributeName: created, keyType: RANGE}]
                      projection: {type: KEYS_ONLY}
                """;
        String base = BASE.replace("    - {name: sk, type: N}\n", "    - {name: sk, type: N}\n    - {name: created, type: N}\n") + lsi;
        up(base);
        for (String changed : List.of(
                base.replace("{name: pk, type: S}", "{name: pk, type: N}"),
                base.replace("projection: {type: KEYS_ONLY}", "projection: {type: ALL}"),
                BASE)) {
            List<String> expected = ChangeClassifier.classify(
                    TableDefinition.of(EmbeddedDynamoDb.plan(EmbeddedDynamoDb.manifest(base))),
                    TableDefinition.of(EmbeddedDynamoDb.plan(EmbeddedDynamoDb.manifest(changed))))
                    .stream().filter(Change::replacesTable).map(Change::line).toList();
            assertEquals(1, expected.size(), expected.toString());
            ReplacementRefused refused = assertThrows(ReplacementRefused.class,
                    () -> EmbeddedDynamoDb.up(EmbeddedDynamoDb.manifest(changed)));
            assertEquals(expected, refused.causes());
        }
        TableDescription after = EmbeddedDynamoDb.client().describeTable(b -> b.tableName("converge")).table();
        assertEquals("S", after.attributeDefinitions().stream().filter(a -> a.attributeName().equals("pk")).findFirst().orElseThrow().attributeTypeAsString());
        assertEquals("KEYS_ONLY", after.localSecondaryIndexes().get(0).projection().projectionTypeAsString());
    }
}
