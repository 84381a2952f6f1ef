package org.project_planton.awsdynamodb.cli.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The table that the Pulumi program registers, read from the plan's {@code aws:dynamodb/table:Table}
 * inputs, and rendered as DynamoDB API requests. This is the one translation from planned inputs to
 * the DynamoDB API: {@code local up}, {@code local status} and the converger all go through it, and
 * nothing here reads the manifest.
 */
public record PlannedTable(
        String name,
        String billingMode,
        Capacity capacity,
        Map<String, String> attributes,
        String hashKey,
        String rangeKey,
        List<Gsi> globalSecondaryIndexes,
        List<Lsi> localSecondaryIndexes,
        boolean ttlEnabled,
        String ttlAttributeName,
        boolean pointInTimeRecovery,
        boolean sseEnabled,
        String kmsKeyArn,
        boolean streamEnabled,
        String streamViewType,
        String tableClass,
        boolean deletionProtection,
        Map<String, String> tags) {

    /** Read and write capacity units; null under PAY_PER_REQUEST. */
    public record Capacity(long read, long write) {
        /** What an endpoint reports for a table or index; null when it reports none. */
        static Capacity of(ProvisionedThroughputDescription live) {
            return live == null ? null : new Capacity(live.readCapacityUnits(), live.writeCapacityUnits());
        }

        ProvisionedThroughput throughput() {
            return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
        }
    }

    /** A global secondary index as planned; rangeKey and capacity may be null, nonKeyAttributes empty. */
    public record Gsi(String name, String hashKey, String rangeKey, String projectionType,
                      List<String> nonKeyAttributes, Capacity capacity) {
        List<KeySchemaElement> keySchema() {
            return PlannedTable.keySchema(hashKey, rangeKey);
        }

        Projection projection() {
            return PlannedTable.projection(projectionType, nonKeyAttributes);
        }

        GlobalSecondaryIndex toCreateTableIndex() {
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(name).keySchema(keySchema()).projection(projection());
            if (capacity != null) {
                gsi.provisionedThroughput(capacity.throughput());
            }
            return gsi.build();
        }

        CreateGlobalSecondaryIndexAction toCreateAction() {
            CreateGlobalSecondaryIndexAction.Builder gsi = CreateGlobalSecondaryIndexAction.builder()
                    .indexName(name).keySchema(keySchema()).projection(projection());
            if (capacity != null) {
                gsi.provisionedThroughput(capacity.throughput());
            }
            return gsi.build();
        }
    }

    /** A local secondary index as planned: its hash key is always the table's. */
    public record Lsi(String name, String rangeKey, String projectionType, List<String> nonKeyAttributes) {}

    /** The table in a plan; a plan without exactly one table is a bug in the program, not in the manifest. */
    public static PlannedTable of(Plan plan) {
        return of(TableDefinition.table(plan).inputs());
    }

    /** The table from the inputs the engine received for it. */
    public static PlannedTable of(Map<String, Object> in) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map<String, Object> attribute : maps(in.get("attributes"))) {
            attributes.put(string(attribute.get("name")), string(attribute.get("type")));
        }
        List<Gsi> gsis = new ArrayList<>();
        for (Map<String, Object> gsi : maps(in.get("globalSecondaryIndexes"))) {
            gsis.add(new Gsi(string(gsi.get("name")), string(gsi.get("hashKey")), string(gsi.get("rangeKey")),
                    string(gsi.get("projectionType")), strings(gsi.get("nonKeyAttributes")),
                    capacity(gsi.get("readCapacity"), gsi.get("writeCapacity"))));
        }
        List<Lsi> lsis = new ArrayList<>();
        for (Map<String, Object> lsi : maps(in.get("localSecondaryIndexes"))) {
            lsis.add(new Lsi(string(lsi.get("name")), string(lsi.get("rangeKey")),
                    string(lsi.get("projectionType")), strings(lsi.get("nonKeyAttributes"))));
        }
        Map<String, Object> ttl = map(in.get("ttl"));
        Map<String, Object> sse = map(in.get("serverSideEncryption"));
        Map<String, String> tags = new LinkedHashMap<>();
        map(in.get("tags")).forEach((k, v) -> tags.put(k, string(v)));
        String billingMode = string(in.get("billingMode"));
        return new PlannedTable(
                Objects.requireNonNull(string(in.get("name")), "planned table has no name"),
                billingMode == null ? "PROVISIONED" : billingMode, // the provider's default
                capacity(in.get("readCapacity"), in.get("writeCapacity")),
                attributes,
                string(in.get("hashKey")),
                string(in.get("rangeKey")),
                List.copyOf(gsis),
                List.copyOf(lsis),
                bool(ttl.get("enabled")),
                string(ttl.get("attributeName")),
                bool(map(in.get("pointInTimeRecovery")).get("enabled")),
                bool(sse.get("enabled")),
                string(sse.get("kmsKeyArn")),
                bool(in.get("streamEnabled")),
                string(in.get("streamViewType")),
                string(in.get("tableClass")),
                bool(in.get("deletionProtectionEnabled")),
                tags);
    }

    public boolean provisioned() {
        return BillingMode.PROVISIONED.toString().equals(billingMode);
    }

    public List<KeySchemaElement> keySchema() {
        return keySchema(hashKey, rangeKey);
    }

    public List<AttributeDefinition> attributeDefinitions() {
        return attributes.entrySet().stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                .toList();
    }

    public List<LocalSecondaryIndex> localSecondaryIndexRequests() {
        return localSecondaryIndexes.stream().map(lsi -> LocalSecondaryIndex.builder()
                .indexName(lsi.name())
                .keySchema(keySchema(hashKey, lsi.rangeKey()))
                .projection(projection(lsi.projectionType(), lsi.nonKeyAttributes()))
                .build()).toList();
    }

    /** The one CreateTable request for this table: everything CreateTable accepts, TTL aside. */
    public CreateTableRequest createTableRequest() {
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(billingMode)
                .attributeDefinitions(attributeDefinitions())
                .keySchema(keySchema())
                .streamSpecification(streamSpecification())
                .deletionProtectionEnabled(deletionProtection);
        if (capacity != null) {
            create.provisionedThroughput(capacity.throughput());
        }
        if (!globalSecondaryIndexes.isEmpty()) {
            create.globalSecondaryIndexes(globalSecondaryIndexes.stream().map(Gsi::toCreateTableIndex).toList());
        }
        if (!localSecondaryIndexes.isEmpty()) {
            create.localSecondaryIndexes(localSecondaryIndexRequests());
        }
        if (sseEnabled) {
            create.sseSpecification(sseSpecification());
        }
        if (tableClass != null) {
            create.tableClass(tableClass);
        }
        return create.build();
    }

    public StreamSpecification streamSpecification() {
        StreamSpecification.Builder stream = StreamSpecification.builder().streamEnabled(streamEnabled);
        if (streamEnabled) {
            stream.streamViewType(streamViewType);
        }
        return stream.build();
    }

    /** Enabled means a KMS key: the given one, or the AWS managed key. Disabled means the AWS owned key. */
    public SSESpecification sseSpecification() {
        SSESpecification.Builder sse = SSESpecification.builder().enabled(sseEnabled);
        if (sseEnabled) {
            sse.sseType("KMS");
            if (kmsKeyArn != null) {
                sse.kmsMasterKeyId(kmsKeyArn);
            }
        }
        return sse.build();
    }

    /** The TTL request, or null when TTL is off and no attribute name is given (nothing to send). */
    public UpdateTimeToLiveRequest timeToLiveRequest() {
        if (ttlAttributeName == null) {
            return null;
        }
        return UpdateTimeToLiveRequest.builder().tableName(name)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .enabled(ttlEnabled).attributeName(ttlAttributeName).build())
                .build();
    }

    static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build());
        if (rangeKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
        }
        return List.copyOf(keys);
    }

    static Projection projection(String type, List<String> nonKeyAttributes) {
        Projection.Builder projection = Projection.builder().projectionType(type);
        if (!nonKeyAttributes.isEmpty()) {
            projection.nonKeyAttributes(nonKeyAttributes);
        }
        return projection.build();
    }

    // The engine hands values over as JSON-like objects: numbers may be Long or Double, and a
    // boolean or number may arrive as a string. These read them whichever way they came.

    private static Capacity capacity(Object read, Object write) {
        return read == null && write == null ? null : new Capacity(number(read), number(write));
    }

    static long number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalStateException("planned capacity is not a whole number: " + value);
            }
            return n.longValue();
        }
        if (value instanceof String s) {
            return (long) Double.parseDouble(s);
        }
        return 0;
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s && Boolean.parseBoolean(s);
    }

    static String string(Object value) {
        return value == null || (value instanceof String s && s.isEmpty()) ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().map(PlannedTable::map).toList() : List.of();
    }
}
