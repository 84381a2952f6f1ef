package org.project_planton.awsdynamodb.cli.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The planned table against the live one, field by field. Each field is in sync, differs, or is not
 * reported by the endpoint (DynamoDB Local does not implement it), which is a note and not a difference.
 */
public final class TableComparison {
    public enum State { IN_SYNC, DIFFERS, NOT_REPORTED }

    /** One field: its name as in the manifest and both values as text. Whether a difference replaces the table is the change classifier's to say. */
    public record Field(String name, String wanted, String live, State state) {
        /** This field with its name spelled by {@code spelling} (as the manifest spells fields); values as they are. */
        public Field spelled(UnaryOperator<String> spelling) {
            return new Field(spelling.apply(name), wanted, live, state);
        }

        public String format() {
            return switch (state) {
                case IN_SYNC -> "in sync      " + name + ": " + wanted;
                case DIFFERS -> "differs      " + name + ": manifest " + wanted + ", live " + live;
                case NOT_REPORTED -> "not checked  " + name + ": manifest " + wanted + "; the endpoint does not implement it";
            };
        }
    }

    private final List<Field> fields;

    private TableComparison(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean inSync() {
        return fields.stream().noneMatch(f -> f.state() == State.DIFFERS);
    }

    public List<Field> differences() {
        return fields.stream().filter(f -> f.state() == State.DIFFERS).toList();
    }

    public static TableComparison of(PlannedTable want, LiveTable live) {
        TableDescription t = live.table();
        List<Field> fields = new ArrayList<>();
        fields.add(field("key_schema", keys(want.keySchema()), keys(t.keySchema())));
        fields.addAll(attributeFields(want, t));
        fields.add(field("billing_mode", want.billingMode(), billingMode(t)));
        if (want.provisioned()) {
            fields.add(field("provisioned_throughput", capacity(want.capacity()),
                    capacity(PlannedTable.Capacity.of(t.provisionedThroughput()))));
        }
        fields.addAll(gsiFields(want, t));
        fields.add(field("local_secondary_indexes", lsis(want), liveLsis(t)));
        String liveStream = t.streamSpecification() != null && Boolean.TRUE.equals(t.streamSpecification().streamEnabled())
                ? "enabled " + t.streamSpecification().streamViewTypeAsString() : "disabled";
        fields.add(field("stream", want.streamEnabled() ? "enabled " + want.streamViewType() : "disabled", liveStream));
        fields.add(field("deletion_protection_enabled", String.valueOf(want.deletionProtection()),
                String.valueOf(Boolean.TRUE.equals(t.deletionProtectionEnabled()))));
        fields.add(ttlField(want, live));
        fields.add(sseField(want, t));
        fields.add(tableClassField(want, t));
        String wantPitr = String.valueOf(want.pointInTimeRecovery());
        fields.add(live.pointInTimeRecovery() == null
                ? new Field("point_in_time_recovery_enabled", wantPitr, null, State.NOT_REPORTED)
                : field("point_in_time_recovery_enabled", wantPitr, String.valueOf(live.pointInTimeRecovery())));
        return new TableComparison(fields);
    }

    /** The live billing mode; a table that never had one set reports no summary and is PROVISIONED. */
    static String billingMode(TableDescription t) {
        return t.billingModeSummary() == null || t.billingModeSummary().billingMode() == null
                ? "PROVISIONED" : t.billingModeSummary().billingModeAsString();
    }

    private static Field field(String name, String wanted, String live) {
        return new Field(name, wanted, live, Objects.equals(wanted, live) ? State.IN_SYNC : State.DIFFERS);
    }

    /** One field per attribute name in either. */
    private static List<Field> attributeFields(PlannedTable want, TableDescription t) {
        Map<String, String> live = new TreeMap<>();
        t.attributeDefinitions().forEach(a -> live.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, String> wanted = new TreeMap<>(want.attributes());
        Map<String, String> names = new TreeMap<>(live);
        names.putAll(wanted);
        List<Field> fields = new ArrayList<>();
        for (String name : names.keySet()) {
            String w = wanted.get(name);
            String l = live.get(name);
            fields.add(field("attribute_definitions[" + name + "].type", w == null ? "(none)" : w, l == null ? "(none)" : l));
        }
        return fields;
    }

    private static List<Field> gsiFields(PlannedTable want, TableDescription t) {
        Map<String, String> live = new LinkedHashMap<>();
        for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
            PlannedTable.Capacity c = want.provisioned() ? PlannedTable.Capacity.of(g.provisionedThroughput()) : null;
            live.put(g.indexName(), gsi(g.keySchema(), g.projection(), c));
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (PlannedTable.Gsi g : want.globalSecondaryIndexes()) {
            wanted.put(g.name(), gsi(g.keySchema(), g.projection(), g.capacity()));
        }
        Map<String, String> names = new TreeMap<>(live);
        names.putAll(wanted);
        List<Field> fields = new ArrayList<>();
        for (String name : names.keySet()) {
            fields.add(field("global_secondary_indexes[" + name + "]",
                    wanted.getOrDefault(name, "(none)"), live.getOrDefault(name, "(none)")));
        }
        return fields;
    }

    static String gsi(List<KeySchemaElement> keys, Projection projection, PlannedTable.Capacity capacity) {
        return keys(keys) + " " + projection(projection) + (capacity == null ? "" : " " + capacity(capacity));
    }

    private static String lsis(PlannedTable want) {
        List<String> lsis = new ArrayList<>();
        want.localSecondaryIndexRequests().forEach(l -> lsis.add(l.indexName() + " " + keys(l.keySchema()) + " " + projection(l.projection())));
        return lsis.stream().sorted().toList().toString();
    }

    private static String liveLsis(TableDescription t) {
        List<String> lsis = new ArrayList<>();
        for (LocalSecondaryIndexDescription l : t.localSecondaryIndexes()) {
            lsis.add(l.indexName() + " " + keys(l.keySchema()) + " " + projection(l.projection()));
        }
        return lsis.stream().sorted().toList().toString();
    }

    private static Field ttlField(PlannedTable want, LiveTable live) {
        String wanted = want.ttlEnabled() ? "enabled " + want.ttlAttributeName() : "disabled";
        String status = live.ttl() == null ? null : live.ttl().timeToLiveStatusAsString();
        String liveText = "ENABLED".equals(status) || "ENABLING".equals(status)
                ? "enabled " + live.ttl().attributeName() : "disabled";
        return field("ttl", wanted, liveText);
    }

    /** Disabled means the AWS owned key, which DescribeTable reports as no SSEDescription at all. */
    private static Field sseField(PlannedTable want, TableDescription t) {
        String wanted = want.sseEnabled() ? "KMS " + (want.kmsKeyArn() == null ? "(AWS managed key)" : want.kmsKeyArn()) : "AWS owned key";
        if (t.sseDescription() == null) {
            return want.sseEnabled()
                    ? new Field("server_side_encryption", wanted, null, State.NOT_REPORTED)
                    : field("server_side_encryption", wanted, "AWS owned key");
        }
        String liveText = "ENABLED".equals(t.sseDescription().statusAsString()) || "ENABLING".equals(t.sseDescription().statusAsString())
                ? "KMS " + (want.sseEnabled() && want.kmsKeyArn() == null ? "(AWS managed key)" : t.sseDescription().kmsMasterKeyArn())
                : "AWS owned key";
        return field("server_side_encryption", wanted, liveText);
    }

    /** Unset means AWS's default, STANDARD; an endpoint that reports no table class is taken to have STANDARD. */
    private static Field tableClassField(PlannedTable want, TableDescription t) {
        String wanted = want.tableClass() == null ? "STANDARD" : want.tableClass();
        if (t.tableClassSummary() == null) {
            return "STANDARD".equals(wanted)
                    ? field("table_class", wanted, "STANDARD")
                    : new Field("table_class", wanted, null, State.NOT_REPORTED);
        }
        return field("table_class", wanted, t.tableClassSummary().tableClassAsString());
    }

    static String keys(List<KeySchemaElement> keys) {
        String hash = null;
        String range = null;
        for (KeySchemaElement k : keys) {
            if (k.keyType() == KeyType.HASH) {
                hash = k.attributeName();
            } else {
                range = k.attributeName();
            }
        }
        return "HASH " + hash + (range == null ? "" : ", RANGE " + range);
    }

    static String projection(Projection p) {
        String type = p == null || p.projectionTypeAsString() == null ? "ALL" : p.projectionTypeAsString();
        return type + (p != null && p.hasNonKeyAttributes() && !p.nonKeyAttributes().isEmpty()
                ? " " + p.nonKeyAttributes().stream().sorted().toList() : "");
    }

    static String capacity(PlannedTable.Capacity c) {
        return c == null ? "(none)" : "read " + c.read() + ", write " + c.write();
    }
}
