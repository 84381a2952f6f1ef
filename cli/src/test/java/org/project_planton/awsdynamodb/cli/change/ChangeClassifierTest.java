package org.project_planton.awsdynamodb.cli.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.project_planton.awsdynamodb.cli.change.Change.Effect.REPLACE;
import static org.project_planton.awsdynamodb.cli.change.Change.Effect.UPDATE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** Every spec field changed in both directions, planned by the real program, classified. */
@Timeout(120)
class ChangeClassifierTest {
    static final String BASE = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
                - {name: sk, type: S}
                - {name: status, type: S}
                - {name: created, type: N}
              keySchema:
                - {attributeName: pk, keyType: HASH}
                - {attributeName: sk, keyType: RANGE}
              globalSecondaryIndexes:
                - name: by-status
                  keySchema: [{attributeName: status, keyType: HASH}]
                  projection: {type: KEYS_ONLY}
              localSecondaryIndexes:
                - name: by-created
                  keySchema: [{attributeName: pk, keyType: HASH}, {attributeName: created, keyType: RANGE}]
                  projection: {type: ALL}
            """;
    static final String PROVISIONED = BASE
            .replace("billingMode: PAY_PER_REQUEST", "billingMode: PROVISIONED\n  provisionedThroughput: {readCapacityUnits: 5, writeCapacityUnits: 5}")
            .replace("projection: {type: KEYS_ONLY}", "projection: {type: KEYS_ONLY}\n      provisionedThroughput: {readCapacityUnits: 2, writeCapacityUnits: 2}");
    static final String NO_GSI = BASE
            .replace("    - {name: status, type: S}\n", "")
            .replaceAll("(?s)  globalSecondaryIndexes:.*?(?=  localSecondaryIndexes)", "");
    static final String NO_LSI = BASE
            .replace("    - {name: created, type: N}\n", "")
            .replaceAll("(?s)  localSecondaryIndexes:.*", "");

    static TableDefinition definition(String yaml) throws Exception {
        var manifest = Manifests.loadValid(yaml, "test.yaml");
        return TableDefinition.of(Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(manifest).build()));
    }

    static Stream<Arguments> everySpecField() {
        return Stream.of(
                // Replaces the table.
                Arguments.of("metadata.name", BASE, BASE.replace("name: orders", "name: orders-v2"), REPLACE),
                Arguments.of("spec.key_schema", BASE, BASE.replace("{attributeName: sk, keyType: RANGE}", "{attributeName: status, keyType: RANGE}")
                        .replace("    - {name: sk, type: S}\n", ""), REPLACE),
                Arguments.of("spec.key_schema", NO_LSI, NO_LSI.replace("- {attributeName: pk, keyType: HASH}", "- {attributeName: status, keyType: HASH}")
                        .replace("    - {name: pk, type: S}\n", ""), REPLACE),
                Arguments.of("spec.key_schema", NO_LSI, NO_LSI.replace("    - {attributeName: sk, keyType: RANGE}\n", "")
                        .replace("    - {name: sk, type: S}\n", ""), REPLACE),
                Arguments.of("spec.attribute_definitions[pk].type", BASE, BASE.replace("{name: pk, type: S}", "{name: pk, type: N}"), REPLACE),
                Arguments.of("spec.attribute_definitions[sk].type", BASE, BASE.replace("{name: sk, type: S}", "{name: sk, type: B}"), REPLACE),
                Arguments.of("spec.attribute_definitions[created].type", BASE, BASE.replace("{name: created, type: N}", "{name: created, type: S}"), REPLACE),
                Arguments.of("spec.local_secondary_indexes[by-created]", BASE, NO_LSI, REPLACE),
                Arguments.of("spec.local_secondary_indexes[by-created]", BASE, BASE.replace("projection: {type: ALL}",
                        "projection: {type: INCLUDE, nonKeyAttributes: [total]}"), REPLACE),
                // Changed in place.
                Arguments.of("spec.global_secondary_indexes[by-status]", BASE, NO_GSI, UPDATE),
                Arguments.of("spec.global_secondary_indexes[by-status]", BASE, BASE.replace("projection: {type: KEYS_ONLY}", "projection: {type: ALL}"), UPDATE),
                Arguments.of("spec.global_secondary_indexes[by-status].provisioned_throughput", PROVISIONED,
                        PROVISIONED.replace("{readCapacityUnits: 2, writeCapacityUnits: 2}", "{readCapacityUnits: 3, writeCapacityUnits: 2}"), UPDATE),
                Arguments.of("spec.attribute_definitions[status].type", BASE, BASE.replace("{name: status, type: S}", "{name: status, type: N}"), UPDATE),
                Arguments.of("spec.billing_mode", BASE, PROVISIONED, UPDATE),
                Arguments.of("spec.provisioned_throughput", PROVISIONED,
                        PROVISIONED.replace("{readCapacityUnits: 5, writeCapacityUnits: 5}", "{readCapacityUnits: 5, writeCapacityUnits: 9}"), UPDATE),
                Arguments.of("spec.stream_enabled", BASE, BASE + "  streamEnabled: true\n  streamViewType: NEW_IMAGE\n", UPDATE),
                Arguments.of("spec.stream_view_type", BASE + "  streamEnabled: true\n  streamViewType: NEW_IMAGE\n",
                        BASE + "  streamEnabled: true\n  streamViewType: KEYS_ONLY\n", UPDATE),
                Arguments.of("spec.ttl", BASE, BASE + "  ttl: {enabled: true, attributeName: expiresAt}\n", UPDATE),
                Arguments.of("spec.ttl", BASE + "  ttl: {enabled: true, attributeName: expiresAt}\n",
                        BASE + "  ttl: {enabled: true, attributeName: expires}\n", UPDATE),
                Arguments.of("spec.point_in_time_recovery_enabled", BASE, BASE + "  pointInTimeRecoveryEnabled: true\n", UPDATE),
                Arguments.of("spec.server_side_encryption", BASE, BASE + "  serverSideEncryption: {enabled: true}\n", UPDATE),
                Arguments.of("spec.server_side_encryption", BASE + "  serverSideEncryption: {enabled: true}\n", BASE
                        + "  serverSideEncryption: {enabled: true, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'}\n", UPDATE),
                Arguments.of("spec.table_class", BASE, BASE + "  tableClass: STANDARD_INFREQUENT_ACCESS\n", UPDATE),
                Arguments.of("spec.deletion_protection_enabled", BASE, BASE + "  deletionProtectionEnabled: true\n", UPDATE),
                Arguments.of("spec.contributor_insights_enabled", BASE, BASE + "  contributorInsightsEnabled: true\n", UPDATE),
                Arguments.of("metadata (tags)", BASE, BASE.replace("  name: orders\n", "  name: orders\n  env: prod\n"), UPDATE));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("everySpecField")
    void eachFieldInBothDirections(String path, String from, String to, Change.Effect effect) throws Exception {
        TableDefinition a = definition(from);
        TableDefinition b = definition(to);
        for (List<Change> changes : List.of(ChangeClassifier.classify(a, b), ChangeClassifier.classify(b, a))) {
            Change change = changes.stream().filter(c -> c.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no change at " + path + " in " + changes));
            assertEquals(effect, change.effect(), change.line());
            assertEquals(effect == REPLACE, ChangeClassifier.replacesTable(changes), changes.toString());
            assertFalse(change.reason().isBlank());
        }
    }

    @Test
    void aKeyAttributeTypeChangeIsAReplacementThatPulumiAwsPlansAsAnUpdate() throws Exception {
        List<Change> changes = ChangeClassifier.classify(definition(BASE), definition(BASE.replace("{name: pk, type: S}", "{name: pk, type: N}")));

        assertEquals(1, changes.size(), changes.toString());
        assertEquals("spec.attribute_definitions[pk].type: S -> N replaces the table and deletes its items"
                + " (the type of a key attribute is fixed when the table is created: the table is deleted and created again;"
                + " pulumi preview shows this as an update (pulumi-aws#1057), which AWS then rejects or ignores)", changes.get(0).line());
    }

    @Test
    void aKeySchemaChangeNamesBothKeys() throws Exception {
        List<Change> changes = ChangeClassifier.classify(definition(NO_LSI), definition(NO_LSI
                .replace("{attributeName: sk, keyType: RANGE}", "{attributeName: status, keyType: RANGE}")
                .replace("    - {name: sk, type: S}\n", "")));

        assertEquals("spec.key_schema: HASH pk, RANGE sk -> HASH pk, RANGE status replaces the table and deletes its items"
                + " (a table's key schema is fixed when it is created: the table is deleted and created again)", changes.get(0).line());
        // sk is no longer used by any key: its definition goes, in place, along with the key change
        assertEquals(List.of("spec.key_schema", "spec.attribute_definitions[sk]"), changes.stream().map(Change::path).toList());
    }

    @Test
    void anAddedIndexNotesTheBackfill() throws Exception {
        Change added = ChangeClassifier.classify(definition(NO_GSI), definition(BASE)).stream()
                .filter(c -> c.path().equals("spec.global_secondary_indexes[by-status]")).findFirst().orElseThrow();

        assertEquals("(none)", added.from());
        assertEquals("HASH status KEYS_ONLY", added.to());
        assertTrue(added.reason().contains("can take hours"), added.reason());
    }

    @Test
    void identicalManifestsHaveNoChanges() throws Exception {
        Path every = Path.of("src/test/resources/every-spec-field.yaml");
        String yaml = Files.readString(every);
        assertEquals(List.of(), ChangeClassifier.classify(definition(yaml), definition(yaml)));
        assertEquals(List.of(), ChangeClassifier.classify(definition(BASE), definition(BASE)));
    }

    @Test
    void everyInputTheProgramRegistersHasARule() throws Exception {
        TableDefinition every = definition(Files.readString(Path.of("src/test/resources/every-spec-field.yaml")));

        for (String input : every.inputs().keySet()) {
            assertTrue(ChangeClassifier.ruledInputs().contains(input), "no rule for input " + input);
        }
    }

    @Test
    void anInputWithoutARuleCountsAsAReplacement() throws Exception {
        TableDefinition base = definition(BASE);
        Map<String, Object> inputs = new HashMap<>(base.inputs());
        inputs.put("onDemandThroughput", Map.of("maxReadRequestUnits", 100));

        List<Change> changes = ChangeClassifier.classify(base, new TableDefinition(inputs, false));

        assertEquals(1, changes.size(), changes.toString());
        assertEquals("input onDemandThroughput", changes.get(0).path());
        assertEquals(REPLACE, changes.get(0).effect());
    }

    @Test
    void stateAsTheEngineRecordsItEqualsThePlan() throws Exception {
        TableDefinition planned = definition(PROVISIONED);
        // pulumi stack export: numbers as JSON doubles, the bridge's __defaults, and the provider's defaults spelt out
        Map<String, Object> recorded = new HashMap<>(planned.inputs());
        recorded.put("readCapacity", 5.0);
        recorded.put("writeCapacity", "5");
        recorded.put("__defaults", List.of("tableClass"));
        recorded.put("tableClass", "STANDARD");
        recorded.put("streamEnabled", false);
        List<Object> indexes = new java.util.ArrayList<>();
        for (Object index : (List<?>) planned.inputs().get("globalSecondaryIndexes")) {
            Map<String, Object> copy = new HashMap<>(ChangeClassifier.Inputs.map(index));
            copy.put("__defaults", List.of());
            copy.put("readCapacity", 2.0);
            indexes.add(copy);
        }
        recorded.put("globalSecondaryIndexes", indexes);

        assertEquals(List.of(), ChangeClassifier.classify(new TableDefinition(recorded, false), planned));
    }
}
