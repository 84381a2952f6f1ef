package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Every example manifest in the repository, and the README's every-field one: `local up` on DynamoDB
 * Local, then DescribeTable and DescribeTimeToLive are checked against the manifest itself (not
 * against the plan), field by field.
 */
class RoundTripTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    /**
     * Valid for the API, refused by DynamoDB Local: it enforces the default account quota of 40,000
     * read or write capacity units per table and per index ("Cannot increase provisioned throughput to
     * more than 40,000 units"), a quota AWS raises on request, so the API does not.
     */
    private static final Set<String> BEYOND_LOCAL_QUOTAS = Set.of("limit-capacity-2147483647.yaml");

    static Stream<Arguments> examples() throws IOException {
        Path repo = EmbeddedDynamoDb.repo();
        List<Arguments> examples = new ArrayList<>();
        examples.add(Arguments.of("iac/hack/manifest.yaml", Files.readString(repo.resolve("iac/hack/manifest.yaml"))));
        Path valid = repo.resolve("api/src/test/resources/manifests/valid");
        try (Stream<Path> files = Files.list(valid)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !BEYOND_LOCAL_QUOTAS.contains(f.getFileName().toString())).sorted().toList()) {
                examples.add(Arguments.of(repo.relativize(f).toString(), Files.readString(f)));
            }
        }
        Matcher block = YAML_BLOCK.matcher(Files.readString(repo.resolve("README.md")));
        int n = 0;
        while (block.find()) {
            if (block.group(1).contains("kind: AwsDynamodb") && !block.group(1).contains("spec: {}")) {
                examples.add(Arguments.of("README.md example " + ++n, block.group(1)));
            }
        }
        assertTrue(n >= 3, "README examples, including the every-field one");
        assertTrue(examples.size() >= 25, "example manifests found: " + examples.size());
        // DynamoDB Local enforces AWS's default capacity quota, which validation only warns about.
        return examples.stream().filter(e -> !aboveDefaultQuota((String) e.get()[1]));
    }

    private static boolean aboveDefaultQuota(String yaml) {
        List<String> warnings = new ArrayList<>();
        try {
            Manifests.loadValid(yaml, "example.yaml", w -> warnings.add(w.ruleId()));
        } catch (InvalidManifestException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return warnings.contains("capacity_units.above_default_quota");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void liveTableMatchesTheManifest(String source, String yaml) throws Exception {
        AwsDynamodb manifest = EmbeddedDynamoDb.manifest(yaml);
        String name = manifest.getMetadata().getName();
        EmbeddedDynamoDb.drop(name);
        try {
            EmbeddedDynamoDb.up(manifest);
            TableDescription t = EmbeddedDynamoDb.client().describeTable(b -> b.tableName(name)).table();
            TimeToLiveDescription ttl = EmbeddedDynamoDb.client().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            assertMatches(manifest.getSpec(), t, ttl);
        } finally {
            EmbeddedDynamoDb.drop(name);
        }
    }

    static void assertMatches(AwsDynamodbSpec spec, TableDescription t, TimeToLiveDescription ttl) {
        assertEquals("ACTIVE", t.tableStatusAsString());
        assertEquals(spec.getBillingMode().name(), t.billingModeSummary() == null ? "PROVISIONED" : t.billingModeSummary().billingModeAsString(), "billing_mode");
        assertEquals(keys(spec.getKeySchemaList()), keys2(t.keySchema()), "key_schema");
        Map<String, String> wantAttributes = new TreeMap<>();
        spec.getAttributeDefinitionsList().forEach(a -> wantAttributes.put(a.getName(), a.getType().name()));
        Map<String, String> liveAttributes = new TreeMap<>();
        t.attributeDefinitions().forEach(a -> liveAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(wantAttributes, liveAttributes, "attribute_definitions");
        if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PROVISIONED) {
            assertEquals(spec.getProvisionedThroughput().getReadCapacityUnits(), t.provisionedThroughput().readCapacityUnits(), "read capacity");
            assertEquals(spec.getProvisionedThroughput().getWriteCapacityUnits(), t.provisionedThroughput().writeCapacityUnits(), "write capacity");
        }
        Map<String, GlobalSecondaryIndexDescription> gsis = t.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertEquals(spec.getGlobalSecondaryIndexesCount(), gsis.size(), "number of GSIs");
        for (AwsDynamodbSpec.GlobalSecondaryIndex want : spec.getGlobalSecondaryIndexesList()) {
            GlobalSecondaryIndexDescription live = gsis.get(want.getName());
            assertEquals(keys(want.getKeySchemaList()), keys2(live.keySchema()), "GSI " + want.getName() + " keys");
            assertProjection(want.getProjection(), live.projection(), "GSI " + want.getName());
            if (spec.getBillingMode() == AwsDynamodbSpec.BillingMode.PROVISIONED) {
                assertEquals(want.getProvisionedThroughput().getReadCapacityUnits(), live.provisionedThroughput().readCapacityUnits(), "GSI read");
                assertEquals(want.getProvisionedThroughput().getWriteCapacityUnits(), live.provisionedThroughput().writeCapacityUnits(), "GSI write");
            }
        }
        Map<String, LocalSecondaryIndexDescription> lsis = t.localSecondaryIndexes().stream()
                .collect(Collectors.toMap(LocalSecondaryIndexDescription::indexName, l -> l));
        assertEquals(spec.getLocalSecondaryIndexesCount(), lsis.size(), "number of LSIs");
        for (AwsDynamodbSpec.LocalSecondaryIndex want : spec.getLocalSecondaryIndexesList()) {
            LocalSecondaryIndexDescription live = lsis.get(want.getName());
            assertEquals(keys(want.getKeySchemaList()), keys2(live.keySchema()), "LSI " + want.getName() + " keys");
            assertProjection(want.getProjection(), live.projection(), "LSI " + want.getName());
        }
        boolean streamOn = t.streamSpecification() != null && Boolean.TRUE.equals(t.streamSpecification().streamEnabled());
        assertEquals(spec.getStreamEnabled(), streamOn, "stream_enabled");
        if (spec.getStreamEnabled()) {
            assertEquals(spec.getStreamViewType().name(), t.streamSpecification().streamViewTypeAsString(), "stream_view_type");
            assertTrue(t.latestStreamArn() != null && t.latestStreamArn().startsWith(t.tableArn() + "/stream/"), "stream ARN");
        }
        assertEquals(spec.getDeletionProtectionEnabled(), Boolean.TRUE.equals(t.deletionProtectionEnabled()), "deletion_protection_enabled");
        if (spec.getTtl().getEnabled()) {
            assertEquals("ENABLED", ttl.timeToLiveStatusAsString(), "ttl");
            assertEquals(spec.getTtl().getAttributeName(), ttl.attributeName(), "ttl attribute");
        } else {
            assertEquals("DISABLED", ttl.timeToLiveStatusAsString(), "ttl");
        }
        // Engine gaps: DynamoDB Local accepts SSESpecification and TableClass on CreateTable but reports
        // neither. Should a later version report them, these fail and the comparison above must grow.
        assertNull(t.sseDescription(), "DynamoDB Local now reports SSE: compare server_side_encryption");
        assertNull(t.tableClassSummary(), "DynamoDB Local now reports the table class: compare table_class");
    }

    private static void assertProjection(AwsDynamodbSpec.Projection want, Projection live, String what) {
        String type = switch (want.getType()) {
            case PROJECTION_TYPE_UNSPECIFIED, ALL -> "ALL";
            case KEYS_ONLY_PROJECTION -> "KEYS_ONLY";
            case INCLUDE -> "INCLUDE";
            case UNRECOGNIZED -> throw new AssertionError(what);
        };
        assertEquals(type, live.projectionTypeAsString(), what + " projection");
        assertEquals(want.getNonKeyAttributesList().stream().sorted().toList(),
                live.nonKeyAttributes().stream().sorted().toList(), what + " non-key attributes");
    }

    private static String keys(List<AwsDynamodbSpec.KeySchemaElement> keys) {
        return keys.stream().filter(k -> k.getKeyType() == KeyType.HASH).map(k -> "HASH " + k.getAttributeName()).findFirst().orElse("")
                + keys.stream().filter(k -> k.getKeyType() == KeyType.RANGE).map(k -> ", RANGE " + k.getAttributeName()).findFirst().orElse("");
    }

    private static String keys2(List<KeySchemaElement> keys) {
        return keys.stream().filter(k -> k.keyTypeAsString().equals("HASH")).map(k -> "HASH " + k.attributeName()).findFirst().orElse("")
                + keys.stream().filter(k -> k.keyTypeAsString().equals("RANGE")).map(k -> ", RANGE " + k.attributeName()).findFirst().orElse("");
    }
}
