package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics as the user reads them: fields spelled as the file spells them, and a --set's problems on that --set. */
class DiagnosticsAsWrittenTest {
    private static final String ON_DEMAND_WITH_GSI = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
                - {name: status, type: S}
              keySchema:
                - {attributeName: pk, keyType: HASH}
              globalSecondaryIndexes:
                - name: by-pk
                  keySchema: [{attributeName: pk, keyType: HASH}]
                - name: by-status
                  keySchema: [{attributeName: status, keyType: HASH}]
            """;

    @TempDir
    Path dir;

    private List<String> problems(String yaml, String... sets) throws IOException {
        Path file = Files.writeString(dir.resolve("orders.yaml"), yaml);
        InvalidManifestException e = assertThrows(InvalidManifestException.class, () -> Manifests.loadValid(file, List.of(sets)));
        return e.diagnostics().stream().map(d -> d.format().replace(file.toString(), "orders.yaml")).toList();
    }

    @Test
    void aCamelCaseFileReadsCamelCaseNamesAndTheGsiRuleNamesTheIndex() throws IOException {
        String yaml = ON_DEMAND_WITH_GSI
                .replace("billingMode: PAY_PER_REQUEST", "billingMode: PROVISIONED\n  provisionedThroughput: {readCapacityUnits: 5, writeCapacityUnits: 5}")
                .replace("  - name: by-pk\n      keySchema: [{attributeName: pk, keyType: HASH}]",
                        "  - name: by-pk\n      keySchema: [{attributeName: pk, keyType: HASH}]\n      provisionedThroughput: {readCapacityUnits: 1, writeCapacityUnits: 1}");
        assertEquals(List.of("orders.yaml:17:7: error: spec.globalSecondaryIndexes[1].provisionedThroughput: global secondary index"
                        + " 'by-status' needs provisionedThroughput (readCapacityUnits and writeCapacityUnits, each at least 1)"
                        + " because the table's billingMode is PROVISIONED [gsi_throughput_matches_billing]"),
                problems(yaml));
    }

    @Test
    void aSnakeCaseFileReadsSnakeCaseNames() throws IOException {
        String yaml = """
                apiVersion: aws.project-planton.org/v1
                kind: AwsDynamodb
                metadata:
                  name: orders
                spec:
                  billing_mode: PAY_PER_REQUEST
                  attribute_definitions:
                    - {name: pk, type: S}
                  key_schema:
                    - {attribute_name: pk, key_type: HASH}
                  stream_enabled: true
                """;
        assertEquals(List.of("orders.yaml:11:19: error: spec.stream_enabled: stream_view_type must be set when stream_enabled is true,"
                        + " and must be UNSPECIFIED when disabled [stream_view_requires_enabled]"),
                problems(yaml));
    }

    /** A value in quotes is the user's, never respelled: an attribute named like a field stays as written. */
    @Test
    void quotedValuesAreNotRespelled() throws IOException {
        String yaml = ON_DEMAND_WITH_GSI.replace("- {name: status, type: S}", "- {name: status, type: S}\n    - {name: billing_mode, type: S}");
        assertEquals(List.of("orders.yaml:10:14: error: spec.attributeDefinitions[2].name: attribute 'billing_mode' is defined but no"
                        + " table or index key uses it; DynamoDB rejects unused attribute definitions [attribute_definitions.unused]"),
                problems(yaml));
    }

    /** Switching the table to PROVISIONED by --set makes its GSIs wrong too: all of it is the --set's, none the file's. */
    @Test
    void problemsThatOnlyASetCausesAreReportedAgainstThatSet() throws IOException {
        assertEquals(List.of(
                        "--set spec.billingMode=PROVISIONED: error: spec.billingMode: When billingMode is PROVISIONED, provisionedThroughput"
                                + " must be set with RCUs and WCUs > 0; for PAY_PER_REQUEST it must be unset or zero [provisioned_requires_throughput]",
                        "--set spec.billingMode=PROVISIONED: error: spec.globalSecondaryIndexes[0].provisionedThroughput: global secondary index"
                                + " 'by-pk' needs provisionedThroughput (readCapacityUnits and writeCapacityUnits, each at least 1)"
                                + " because the table's billingMode is PROVISIONED [gsi_throughput_matches_billing]",
                        "--set spec.billingMode=PROVISIONED: error: spec.globalSecondaryIndexes[1].provisionedThroughput: global secondary index"
                                + " 'by-status' needs provisionedThroughput (readCapacityUnits and writeCapacityUnits, each at least 1)"
                                + " because the table's billingMode is PROVISIONED [gsi_throughput_matches_billing]"),
                problems(ON_DEMAND_WITH_GSI, "metadata.org=acme", "spec.billingMode=PROVISIONED"));
    }

    /** A problem the file has on its own stays on the file's line, whatever --set is given. */
    @Test
    void aProblemOfTheFileStaysOnTheFile() throws IOException {
        String yaml = ON_DEMAND_WITH_GSI + "  streamEnabled: true\n";
        assertEquals(List.of("orders.yaml:17:18: error: spec.streamEnabled: streamViewType must be set when streamEnabled is true,"
                        + " and must be UNSPECIFIED when disabled [stream_view_requires_enabled]"),
                problems(yaml, "spec.deletionProtectionEnabled=true"));
    }

    @Test
    void anEnumTypeStartingWithAVowelTakesAn() throws IOException {
        assertEquals(List.of("--set spec.attributeDefinitions[0].type=STRING: error: spec.attributeDefinitions[0].type: 'STRING' is not"
                        + " an AttributeType; accepted values: S, N, B [yaml.enum]"),
                problems(ON_DEMAND_WITH_GSI, "spec.attributeDefinitions[0].type=STRING"));
    }
}
