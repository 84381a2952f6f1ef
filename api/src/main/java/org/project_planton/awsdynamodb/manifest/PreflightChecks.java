package org.project_planton.awsdynamodb.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
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

    /** AWS's limit on the tags of one resource, the platform's and the user's together. */
    static final int MAX_TAGS = 50;
    /** AWS's default quota of read (and of write) capacity units per table and per GSI; adjustable per account. */
    static final long DEFAULT_CAPACITY_QUOTA = 40_000;

    private final AwsDynamodbSpec spec;
    private final AwsDynamodb resource;
    private final String providerRegion;
    private final List<Index> indexes = new ArrayList<>();
    private final List<KeyUse> keyUses = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private PreflightChecks(AwsDynamodb resource, String providerRegion) {
        this.resource = resource;
        this.spec = resource.getSpec();
        this.providerRegion = providerRegion;
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

    /** {@code providerRegion} is the Region the provider config deploys to, or empty when not known. */
    static List<Finding> check(AwsDynamodb resource, String providerRegion) {
        PreflightChecks checks = new PreflightChecks(resource, providerRegion);
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
        checks.tagsWithinLimit();
        checks.indexOnDemandThroughputNeedsPayPerRequest();
        checks.indexAutoScalingNeedsProvisioned();
        checks.capacityWithinAutoScalingBounds();
        checks.capacityWithinDefaultQuota();
        checks.indexCapacityIgnoredWhenAnotherIndexAutoscales();
        checks.replicaRegionsAreUnique();
        checks.replicaRegionIsNotTheTables();
        checks.replicaKmsKeyInReplicaRegion();
        checks.provisionedGlobalTableAutoscalesIndexWrites();
        checks.resourcePolicyIsAPolicyDocument();
        checks.importCreatesNoLocalIndexes();
        checks.restoreDateTimeIsATime();
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

    /** AWS counts every tag of the table: the platform's and the user's together, at most 50. */
    private void tagsWithinLimit() {
        int platform = PlatformTags.of(resource.getMetadata()).size();
        if (platform + spec.getTagsCount() > MAX_TAGS) {
            add("spec.tags", "the table would have " + (platform + spec.getTagsCount()) + " tags (" + platform
                    + " platform tags and " + spec.getTagsCount() + " of yours); AWS allows at most " + MAX_TAGS
                    + ", so give at most " + (MAX_TAGS - platform), "tags.max_total");
        }
    }

    private void indexOnDemandThroughputNeedsPayPerRequest() {
        if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PAY_PER_REQUEST) {
            return;
        }
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            if (spec.getGlobalSecondaryIndexes(i).hasOnDemandThroughput()) {
                add("spec.global_secondary_indexes[" + i + "].on_demand_throughput",
                        "on_demand_throughput is for indexes of a PAY_PER_REQUEST table; this table is PROVISIONED",
                        "gsi.on_demand_throughput.requires_pay_per_request");
            }
        }
    }

    private void indexAutoScalingNeedsProvisioned() {
        if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PROVISIONED) {
            return;
        }
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            if (spec.getGlobalSecondaryIndexes(i).hasAutoScaling()) {
                add("spec.global_secondary_indexes[" + i + "].auto_scaling",
                        "auto_scaling is for indexes of a PROVISIONED table; a PAY_PER_REQUEST table scales by itself",
                        "gsi.auto_scaling.requires_provisioned");
            }
        }
    }

    /** The provisioned capacity is where the autoscaler starts: Application Auto Scaling needs it in [min, max]. */
    private void capacityWithinAutoScalingBounds() {
        if (spec.getBillingMode() != AwsDynamodbSpec.BillingMode.PROVISIONED) {
            return;
        }
        capacityWithin("spec", spec.getProvisionedThroughput(), spec.getAutoScaling());
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            AwsDynamodbSpec.GlobalSecondaryIndex gsi = spec.getGlobalSecondaryIndexes(i);
            capacityWithin("spec.global_secondary_indexes[" + i + "]", gsi.getProvisionedThroughput(), gsi.getAutoScaling());
        }
    }

    private void capacityWithin(String path, AwsDynamodbSpec.ProvisionedThroughput capacity, AwsDynamodbSpec.AutoScaling scaling) {
        capacityWithin(path + ".provisioned_throughput.read_capacity_units", "read", capacity.getReadCapacityUnits(),
                scaling.hasRead() ? scaling.getRead() : null);
        capacityWithin(path + ".provisioned_throughput.write_capacity_units", "write", capacity.getWriteCapacityUnits(),
                scaling.hasWrite() ? scaling.getWrite() : null);
    }

    private void capacityWithin(String path, String dimension, long units, AwsDynamodbSpec.AutoScalingDimension scaling) {
        if (scaling == null || units < 1 || scaling.getMinCapacity() > scaling.getMaxCapacity()) {
            return; // other rules report a missing capacity or an empty range
        }
        if (units < scaling.getMinCapacity() || units > scaling.getMaxCapacity()) {
            add(path, dimension + " capacity " + units + " is outside auto_scaling." + dimension + "'s range ["
                    + scaling.getMinCapacity() + ", " + scaling.getMaxCapacity() + "]; it is the autoscaler's starting point",
                    "auto_scaling.capacity_within_bounds");
        }
    }

    /**
     * Warning: above the default quota (Service Quotas, "Table-level read/write throughput limit",
     * 40,000 units), CreateTable and UpdateTable fail unless the account's quota was raised.
     */
    private void capacityWithinDefaultQuota() {
        aboveQuota("spec", spec.getProvisionedThroughput(), spec.getAutoScaling(), spec.getOnDemandThroughput());
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            AwsDynamodbSpec.GlobalSecondaryIndex gsi = spec.getGlobalSecondaryIndexes(i);
            aboveQuota("spec.global_secondary_indexes[" + i + "]", gsi.getProvisionedThroughput(), gsi.getAutoScaling(),
                    gsi.getOnDemandThroughput());
        }
    }

    private void aboveQuota(String path, AwsDynamodbSpec.ProvisionedThroughput capacity, AwsDynamodbSpec.AutoScaling scaling,
                            AwsDynamodbSpec.OnDemandThroughput limits) {
        if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PROVISIONED) {
            aboveQuota(path, capacity, scaling);
        } else {
            aboveQuota(path + ".on_demand_throughput.max_read_request_units", limits.getMaxReadRequestUnits());
            aboveQuota(path + ".on_demand_throughput.max_write_request_units", limits.getMaxWriteRequestUnits());
        }
    }

    private void aboveQuota(String path, AwsDynamodbSpec.ProvisionedThroughput capacity, AwsDynamodbSpec.AutoScaling scaling) {
        aboveQuota(path + ".provisioned_throughput.read_capacity_units", capacity.getReadCapacityUnits());
        aboveQuota(path + ".provisioned_throughput.write_capacity_units", capacity.getWriteCapacityUnits());
        aboveQuota(path + ".auto_scaling.read.max_capacity", scaling.getRead().getMaxCapacity());
        aboveQuota(path + ".auto_scaling.write.max_capacity", scaling.getWrite().getMaxCapacity());
    }

    private void aboveQuota(String path, long units) {
        if (units > DEFAULT_CAPACITY_QUOTA && units <= Integer.MAX_VALUE) {
            warn(path, units + " units is above AWS's default quota of 40,000 per table and per index;"
                    + " AWS refuses it unless your account's quota was raised (Service Quotas), and DynamoDB Local always does",
                    "capacity_units.above_default_quota");
        }
    }

    /**
     * Warning: the program tells Pulumi to ignore changes to every GSI's capacity of a dimension that
     * any GSI autoscales (the provider keeps GSIs as a set, so one index cannot be named reliably).
     * An index without auto scaling in that dimension then keeps its created capacity.
     */
    private void indexCapacityIgnoredWhenAnotherIndexAutoscales() {
        for (String dimension : List.of("read", "write")) {
            boolean any = false;
            for (AwsDynamodbSpec.GlobalSecondaryIndex gsi : spec.getGlobalSecondaryIndexesList()) {
                any |= scales(gsi.getAutoScaling(), dimension);
            }
            for (int i = 0; any && i < spec.getGlobalSecondaryIndexesCount(); i++) {
                AwsDynamodbSpec.GlobalSecondaryIndex gsi = spec.getGlobalSecondaryIndexes(i);
                if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PROVISIONED && !scales(gsi.getAutoScaling(), dimension)) {
                    warn("spec.global_secondary_indexes[" + i + "].provisioned_throughput." + dimension + "_capacity_units",
                            "another index autoscales its " + dimension + " capacity, so deploys ignore changes to the " + dimension
                                    + " capacity of every index; this index's stays as created. Give it auto_scaling." + dimension + " too",
                            "auto_scaling.gsi_capacity_ignored");
                }
            }
        }
    }

    private static boolean scales(AwsDynamodbSpec.AutoScaling scaling, String dimension) {
        return dimension.equals("read") ? scaling.hasRead() : scaling.hasWrite();
    }

    private void replicaRegionsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.getReplicasCount(); i++) {
            String region = spec.getReplicas(i).getRegionName();
            if (!region.isEmpty() && !seen.add(region)) {
                add("spec.replicas[" + i + "].region_name", "Region " + region + " already has a replica; one replica per Region",
                        "replicas.unique_region");
            }
        }
    }

    private void replicaRegionIsNotTheTables() {
        for (int i = 0; i < spec.getReplicasCount(); i++) {
            if (!providerRegion.isEmpty() && spec.getReplicas(i).getRegionName().equals(providerRegion)) {
                add("spec.replicas[" + i + "].region_name", "the table itself is in " + providerRegion
                        + " (the provider config's Region); a replica must be in another Region", "replicas.not_table_region");
            }
        }
    }

    private void replicaKmsKeyInReplicaRegion() {
        for (int i = 0; i < spec.getReplicasCount(); i++) {
            AwsDynamodbSpec.Replica replica = spec.getReplicas(i);
            String[] arn = replica.getKmsKeyArn().split(":", 6);
            if (arn.length == 6 && !replica.getRegionName().isEmpty() && !arn[3].equals(replica.getRegionName())) {
                add("spec.replicas[" + i + "].kms_key_arn", "the KMS key is in " + arn[3] + ", but the replica is in "
                        + replica.getRegionName() + "; a replica's key must be in the replica's Region", "replicas.kms_key_region");
            }
        }
    }

    /** AWS refuses replicas of a PROVISIONED table unless the write capacity of the table and every GSI is autoscaled. */
    private void provisionedGlobalTableAutoscalesIndexWrites() {
        if (spec.getReplicasCount() == 0 || spec.getBillingMode() != AwsDynamodbSpec.BillingMode.PROVISIONED) {
            return;
        }
        for (int i = 0; i < spec.getGlobalSecondaryIndexesCount(); i++) {
            if (!spec.getGlobalSecondaryIndexes(i).getAutoScaling().hasWrite()) {
                add("spec.global_secondary_indexes[" + i + "]", "a PROVISIONED global table (replicas) needs auto_scaling.write"
                        + " on every global secondary index as well as on the table", "replicas.gsi_write_auto_scaling");
            }
        }
    }

    /** IAM's policy grammar is not checked here, only what makes a document a policy at all. */
    private void resourcePolicyIsAPolicyDocument() {
        String policy = spec.getResourcePolicy();
        if (policy.isEmpty()) {
            return;
        }
        String problem = PolicyDocument.problem(policy);
        if (problem != null) {
            add("spec.resource_policy", "resource_policy " + problem, "resource_policy.json");
        }
    }

    /** ImportTable's TableCreationParameters have no local secondary indexes. */
    private void importCreatesNoLocalIndexes() {
        if (!spec.hasImportSource()) {
            return;
        }
        for (int i = 0; i < spec.getLocalSecondaryIndexesCount(); i++) {
            add("spec.local_secondary_indexes[" + i + "]", "a table created by import_source cannot have local secondary"
                    + " indexes (ImportTable does not take them), and they cannot be added later; use a global secondary index",
                    "import_source.no_local_indexes");
        }
    }

    private void restoreDateTimeIsATime() {
        String time = spec.getRestoreSource().getRestoreDateTime();
        if (time.isEmpty()) {
            return;
        }
        try {
            java.time.OffsetDateTime.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            add("spec.restore_source.restore_date_time", "restore_date_time '" + time
                    + "' is not an RFC 3339 date and time such as 2026-01-31T12:00:00Z", "restore_source.restore_date_time");
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
