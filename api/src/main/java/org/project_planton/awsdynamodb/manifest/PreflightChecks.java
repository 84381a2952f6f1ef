package org.project_planton.awsdynamodb.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;

/**
 * What the DynamoDB API rejects at deploy time that CEL cannot say well: set logic across
 * fields and quotas across indexes. Each rule is one method with a stable rule id.
 */
final class PreflightChecks {
    /** The most non-key attributes that all indexes of a table may project together. */
    static final int MAX_NON_KEY_ATTRIBUTES_TOTAL = 100;

    /** A problem at a field path, before it is given a position. */
    record Finding(String path, String message, String ruleId, Diagnostic.Severity severity) {}

    /** One key schema element and where it sits. */
    private record KeyUse(String path, KeySchemaElement key) {}

    /** A GSI or LSI and where it sits: GSIs and LSIs share names, key rules and the projection quota. */
    private record Index(String path, String name, List<KeySchemaElement> keySchema, AwsDynamodbSpec.Projection projection) {}

    private final AwsDynamodbSpec spec;
    private final List<Index> indexes = new ArrayList<>();
    private final List<KeyUse> keyUses = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private PreflightChecks(AwsDynamodbSpec spec) {
        this.spec = spec;
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            AwsDynamodbSpec.GlobalSecondaryIndex gsi = spec.getGlobalSecondaryIndexes(i);
            indexes.add(new Index("spec.global_secondary_indexes[" + i + "]", gsi.getName(), gsi.getKeySchemaList(), gsi.getProjection()));
        }
        for (int i = 0; i < spec.getLocalSecondaryIndexesCount(); i++) {
            AwsDynamodbSpec.LocalSecondaryIndex lsi = spec.getLocalSecondaryIndexes(i);
            indexes.add(new Index("spec.local_secondary_indexes[" + i + "]", lsi.getName(), lsi.getKeySchemaList(), lsi.getProjection()));
        }
        for (int i = 0; i < spec.getKeySchemaCount(); i++) {
            keyUses.add(new KeyUse("spec.key_schema[" + i + "]", spec.getKeySchema(i)));
        }
        for (Index index : indexes) {
            for (int j = 0; j < index.keySchema().size(); j++) {
                keyUses.add(new KeyUse(index.path() + ".key_schema[" + j + "]", index.keySchema().get(j)));
            }
        }
    }

    static List<Finding> check(AwsDynamodbSpec spec) {
        PreflightChecks checks = new PreflightChecks(spec);
        checks.attributeDefinitionsAreUnique();
        checks.keyAttributesAreDefined();
        checks.attributeDefinitionsAreUsed();
        checks.keySchemasUseDistinctAttributes();
        checks.indexNamesAreUnique();
        checks.localIndexesNeedTableRangeKey();
        checks.localIndexesShareTableHashKey();
        checks.nonKeyAttributesWithinTotal();
        checks.globalIndexCapacityMatchesBilling();
        checks.contributorInsightsWithKmsKey();
        return checks.findings;
    }

    /**
     * Each GSI's capacity follows the table's billing mode: both units at least 1 for PROVISIONED;
     * unset or zero for PAY_PER_REQUEST. Reported at the index (and the unit) that is wrong. Without
     * a billing mode, billing_mode_set already reports the table.
     */
    private void globalIndexCapacityMatchesBilling() {
        BillingMode billing = spec.getBillingMode();
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            AwsDynamodbSpec.GlobalSecondaryIndex gsi = spec.getGlobalSecondaryIndexes(i);
            String path = "spec.global_secondary_indexes[" + i + "].provisioned_throughput";
            AwsDynamodbSpec.ProvisionedThroughput capacity = gsi.getProvisionedThroughput();
            String index = "global secondary index '" + gsi.getName() + "'";
            if (billing == BillingMode.PROVISIONED) {
                if (!gsi.hasProvisionedThroughput()) {
                    add(path, index + " needs provisioned_throughput (read_capacity_units and write_capacity_units, each at least 1)"
                            + " because the table's billing_mode is PROVISIONED", "gsi_throughput_matches_billing");
                } else if (capacity.getReadCapacityUnits() < 1 || capacity.getWriteCapacityUnits() < 1) {
                    String unit = capacity.getReadCapacityUnits() < 1 ? "read_capacity_units" : "write_capacity_units";
                    add(path + "." + unit, index + " needs " + unit + " of at least 1 because the table's billing_mode is PROVISIONED",
                            "gsi_throughput_matches_billing");
                }
            } else if (billing == BillingMode.PAY_PER_REQUEST && gsi.hasProvisionedThroughput()
                    && (capacity.getReadCapacityUnits() != 0 || capacity.getWriteCapacityUnits() != 0)) {
                add(path, index + " takes no provisioned_throughput because the table's billing_mode is PAY_PER_REQUEST;"
                        + " remove it (or set both units to 0)", "gsi_throughput_matches_billing");
            }
        }
    }

    private void attributeDefinitionsAreUnique() {
        Map<String, AwsDynamodbSpec.AttributeDefinition> first = new HashMap<>();
        for (int i = 0; i < spec.getAttributeDefinitionsCount(); i++) {
            AwsDynamodbSpec.AttributeDefinition definition = spec.getAttributeDefinitions(i);
            AwsDynamodbSpec.AttributeDefinition earlier = first.putIfAbsent(definition.getName(), definition);
            if (earlier != null && !definition.getName().isEmpty()) {
                String types = earlier.getType() == definition.getType() ? ""
                        : " with a different type (" + earlier.getType() + " and " + definition.getType() + ")";
                add("spec.attribute_definitions[" + i + "].name",
                        "attribute " + Text.quote(definition.getName()) + " is defined more than once" + types + "; each name has one type",
                        "attribute_definitions.unique");
            }
        }
    }

    private void keyAttributesAreDefined() {
        Set<String> defined = new HashSet<>();
        spec.getAttributeDefinitionsList().forEach(definition -> defined.add(definition.getName()));
        for (KeyUse use : keyUses) {
            String name = use.key().getAttributeName();
            if (!name.isEmpty() && !defined.contains(name)) {
                add(use.path() + ".attribute_name",
                        "key attribute " + Text.quote(name) + " is not in attribute_definitions; add it with its type (S, N or B)",
                        "attribute_definitions.undefined");
            }
        }
    }

    private void attributeDefinitionsAreUsed() {
        Set<String> used = new HashSet<>();
        keyUses.forEach(use -> used.add(use.key().getAttributeName()));
        for (int i = 0; i < spec.getAttributeDefinitionsCount(); i++) {
            String name = spec.getAttributeDefinitions(i).getName();
            if (!name.isEmpty() && !used.contains(name)) {
                add("spec.attribute_definitions[" + i + "].name",
                        "attribute " + Text.quote(name) + " is defined but no table or index key uses it; DynamoDB rejects unused attribute definitions",
                        "attribute_definitions.unused");
            }
        }
    }

    private void keySchemasUseDistinctAttributes() {
        keySchemaDistinct("spec.key_schema", spec.getKeySchemaList());
        indexes.forEach(index -> keySchemaDistinct(index.path() + ".key_schema", index.keySchema()));
    }

    private void keySchemaDistinct(String path, List<KeySchemaElement> keys) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String name = keys.get(i).getAttributeName();
            if (!name.isEmpty() && !seen.add(name)) {
                add(path + "[" + i + "].attribute_name",
                        "attribute " + Text.quote(name) + " is used twice in one key schema; the HASH and RANGE keys must be different attributes",
                        "key_schema.distinct_attributes");
            }
        }
    }

    private void indexNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Index index : indexes) {
            if (!index.name().isEmpty() && !seen.add(index.name())) {
                add(index.path() + ".name", "index name " + Text.quote(index.name())
                        + " is already used by another index of this table; GSI and LSI names share one namespace", "index_name.unique");
            }
        }
    }

    private void localIndexesNeedTableRangeKey() {
        if (tableKey(KeyType.RANGE) != null) {
            return;
        }
        for (int i = 0; i < spec.getLocalSecondaryIndexesCount(); i++) {
            add("spec.local_secondary_indexes[" + i + "]",
                    "a local secondary index needs a table with a RANGE (sort) key; use a global secondary index instead",
                    "lsi.table_range_key");
        }
    }

    private void localIndexesShareTableHashKey() {
        String tableHash = tableKey(KeyType.HASH);
        if (tableHash == null) {
            return;
        }
        for (int i = 0; i < spec.getLocalSecondaryIndexesCount(); i++) {
            List<KeySchemaElement> keys = spec.getLocalSecondaryIndexes(i).getKeySchemaList();
            for (int j = 0; j < keys.size(); j++) {
                KeySchemaElement key = keys.get(j);
                if (key.getKeyType() == KeyType.HASH && !key.getAttributeName().equals(tableHash)) {
                    add("spec.local_secondary_indexes[" + i + "].key_schema[" + j + "].attribute_name",
                            "a local secondary index's HASH key must be the table's HASH key " + Text.quote(tableHash),
                            "lsi.hash_key");
                }
            }
        }
    }

    private void nonKeyAttributesWithinTotal() {
        int total = indexes.stream().mapToInt(index -> index.projection().getNonKeyAttributesCount()).sum();
        int before = 0;
        for (Index index : indexes) {
            int count = index.projection().getNonKeyAttributesCount();
            if (before + count > MAX_NON_KEY_ATTRIBUTES_TOTAL) {
                add(index.path() + ".projection.non_key_attributes[" + (MAX_NON_KEY_ATTRIBUTES_TOTAL - before) + "]",
                        "more than " + MAX_NON_KEY_ATTRIBUTES_TOTAL + " non-key attributes projected across all indexes ("
                                + total + "); an attribute counts once for each index that projects it",
                        "projection.non_key_attributes_total");
                return;
            }
            before += count;
        }
    }

    /**
     * Warning: Contributor Insights graphs the most accessed and throttled key values in plain text.
     * The DynamoDB API reference (UpdateContributorInsights) says a table whose key data must be
     * encrypted with a KMS key, AWS managed or customer managed, should not enable it.
     */
    private void contributorInsightsWithKmsKey() {
        AwsDynamodbSpec.ServerSideEncryption sse = spec.getServerSideEncryption();
        if (spec.getContributorInsightsEnabled() && sse.getEnabled()) {
            String key = sse.getKmsKeyArn().isEmpty() ? "the AWS managed KMS key (aws/dynamodb)" : "the customer managed KMS key " + sse.getKmsKeyArn();
            warn("spec.contributor_insights_enabled",
                    "Contributor Insights shows the table's most accessed and throttled key values in CloudWatch in plain text,"
                            + " outside " + key + " that encrypts this table; AWS advises leaving it off when key data must stay encrypted",
                    "contributor_insights.plaintext_keys");
        }
    }

    private String tableKey(KeyType type) {
        return spec.getKeySchemaList().stream()
                .filter(key -> key.getKeyType() == type)
                .map(KeySchemaElement::getAttributeName)
                .findFirst().orElse(null);
    }

    private void add(String path, String message, String ruleId) {
        findings.add(new Finding(path, message, ruleId, Diagnostic.Severity.ERROR));
    }

    /** A valid but risky choice: reported, never a reason to refuse the manifest. */
    private void warn(String path, String message, String ruleId) {
        findings.add(new Finding(path, message, ruleId, Diagnostic.Severity.WARNING));
    }
}
