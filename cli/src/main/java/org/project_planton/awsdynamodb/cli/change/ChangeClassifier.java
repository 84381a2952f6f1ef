package org.project_planton.awsdynamodb.cli.change;

import static org.project_planton.awsdynamodb.cli.change.Change.Effect.REPLACE;
import static org.project_planton.awsdynamodb.cli.change.Change.Effect.UPDATE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;

/**
 * The one place that knows which changes DynamoDB makes in place and which replace the table.
 * {@code diff}, the guard on {@code pulumi update} and {@code local up} all ask it.
 *
 * <p>It compares two {@link TableDefinition}s (the {@code aws:dynamodb/table:Table} inputs) and
 * returns every difference with its effect. {@link #RULES} holds one rule per input: the inputs it
 * reads, the manifest field it reports, and its effect with the reason. A new input gets a rule
 * there; an input no rule reads is treated as replacing the table until it has one.
 *
 * <p>What replaces the table follows pulumi-aws (the bridged terraform-provider-aws
 * {@code aws_dynamodb_table} schema): {@code name}, {@code hash_key}, {@code range_key} and every
 * {@code local_secondary_index} field are ForceNew, and so are the restore inputs. Because the
 * table's name is set by the manifest, the bridge replaces it delete-before-replace
 * (pulumi-terraform-bridge {@code nameRequiresDeleteBeforeReplace}): the old table and its items are
 * gone before the new one exists. One more is not in the provider's schema: the type of an
 * attribute that a kept key uses. pulumi-aws plans that as an in-place update (pulumi-aws#1057),
 * which AWS then rejects or ignores; DynamoDB can only change it by creating the table again.
 */
public final class ChangeClassifier {
    private ChangeClassifier() {}

    static final String ITEMS_LOST = "the table is deleted and created again";
    static final String UNKNOWN = "project-planton has no rule for this input yet, so it counts as replacing the table";

    /** One rule: the table inputs it reads, and how it reports a difference in them. */
    private interface Rule {
        Set<String> inputs();

        void classify(Inputs from, Inputs to, List<Change> changes);
    }

    private static final List<Rule> RULES = List.of(
            // Identity and keys: fixed when the table is created.
            simple("name", "metadata.name", REPLACE, in -> in.text("name"),
                    "AWS cannot rename a table; with a name set by the manifest, pulumi-aws deletes the old table"
                            + " before it creates the new one (delete-before-replace)"),
            new KeySchema(),
            new Attributes(),
            new LocalSecondaryIndexes(),
            // Everything UpdateTable and its companions change on a live table.
            new GlobalSecondaryIndexes(),
            new BillingMode(),
            new Capacity(),
            new Stream(),
            simple("ttl", "spec.ttl", UPDATE, Inputs::ttl,
                    "UpdateTimeToLive, in place; AWS accepts one TTL change per table per hour"),
            simple("pointInTimeRecovery", "spec.point_in_time_recovery_enabled", UPDATE, Inputs::pointInTimeRecovery,
                    "UpdateContinuousBackups, in place; turning it off, or shortening its window, drops the restore points"
                            + " outside the new window"),
            simple("serverSideEncryption", "spec.server_side_encryption", UPDATE, Inputs::encryption,
                    "UpdateTable changes the encryption key in place; the items stay readable throughout"),
            simple("tableClass", "spec.table_class", UPDATE, in -> in.textOr("tableClass", "STANDARD"),
                    "UpdateTable changes the table class in place, in the background; the table stays available"),
            simple("deletionProtectionEnabled", "spec.deletion_protection_enabled", UPDATE,
                    in -> String.valueOf(in.bool("deletionProtectionEnabled")),
                    "UpdateTable, in place; while it is on, AWS refuses to delete the table"),
            simple("tags", "spec.tags (and metadata's platform tags)", UPDATE, in -> in.sortedMap("tags"),
                    "TagResource and UntagResource, in place"),
            simple("onDemandThroughput", "spec.on_demand_throughput", UPDATE, in -> Inputs.canonical(in.map.get("onDemandThroughput")),
                    "UpdateTable changes the request-unit limits in place"),
            new Replicas(),
            // Creation sources: a table is restored or imported only when it is created.
            creationSource("restoreSourceName"),
            creationSource("restoreSourceTableArn"),
            creationSource("restoreDateTime"),
            creationSource("restoreToLatestTime"),
            creationSource("importTable"));

    /** The inputs that say where a new table's data comes from (spec.import_source, spec.restore_source). */
    public static final Set<String> CREATION_SOURCES =
            Set.of("restoreSourceName", "restoreSourceTableArn", "restoreDateTime", "restoreToLatestTime", "importTable");

    /** Every difference between the two definitions, in the order of {@link #RULES}; empty when they match. */
    public static List<Change> classify(TableDefinition from, TableDefinition to) {
        Inputs before = new Inputs(from.inputs());
        Inputs after = new Inputs(ignoring(to, from.inputs()));
        List<Change> changes = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.classify(before, after, changes);
        }
        if (from.contributorInsights() != to.contributorInsights()) {
            changes.add(new Change("spec.contributor_insights_enabled", String.valueOf(from.contributorInsights()),
                    String.valueOf(to.contributorInsights()), UPDATE, "UpdateContributorInsights, in place"));
        }
        unruled(before, after, changes);
        return List.copyOf(changes);
    }

    /**
     * The inputs Pulumi will compare: for each path {@code to} ignores, the value {@code from} has,
     * as the engine does ("uses the old value from the state"). Only the paths the program ignores
     * are understood: top-level inputs and {@code globalSecondaryIndexes[*].X}, an index matched by name.
     */
    private static Map<String, Object> ignoring(TableDefinition to, Map<String, Object> from) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>(to.inputs());
        for (String path : to.ignoreChanges()) {
            String indexPrefix = "globalSecondaryIndexes[*].";
            if (path.startsWith(indexPrefix)) {
                String field = path.substring(indexPrefix.length());
                Map<String, Map<String, Object>> old = new Inputs(from).globalIndexes();
                inputs.put("globalSecondaryIndexes", Inputs.maps(inputs.get("globalSecondaryIndexes")).stream().map(index -> {
                    Map<String, Object> was = old.get(Inputs.show(index.get("name")));
                    if (was == null || !was.containsKey(field)) {
                        return index; // a new index is created with the planned value
                    }
                    Map<String, Object> kept = new java.util.LinkedHashMap<>(index);
                    kept.put(field, was.get(field));
                    return kept;
                }).toList());
            } else if (from.containsKey(path)) {
                inputs.put(path, from.get(path));
            }
        }
        return inputs;
    }

    /** The manifest field that declares each kind of resource the program registers beside the table. */
    private static final Map<String, String> COMPANION_FIELDS = Map.of(
            PlannedResource.SCALING_TARGET_TYPE, "spec.auto_scaling",
            PlannedResource.SCALING_POLICY_TYPE, "spec.auto_scaling",
            PlannedResource.RESOURCE_POLICY_TYPE, "spec.resource_policy",
            PlannedResource.KINESIS_DESTINATION_TYPE, "spec.kinesis_streaming_destination");

    /**
     * What changes beside the table between two plans: each resource the program registers next to
     * it (auto scaling targets and policies, the resource policy, the Kinesis destination) that is
     * added, removed or changed. None of them touches the table's items. The table itself, its
     * provider and contributor insights are {@link #classify}'s.
     */
    public static List<Change> classifyCompanions(Plan from, Plan to) {
        Map<String, PlannedResource> before = companions(from);
        Map<String, PlannedResource> after = companions(to);
        List<Change> changes = new ArrayList<>();
        eachDifference(inputsOf(before), inputsOf(after), (key, b, a) -> {
            PlannedResource resource = after.getOrDefault(key, before.get(key));
            String done = !before.containsKey(key) ? "created" : !after.containsKey(key) ? "deleted" : "changed";
            changes.add(new Change(COMPANION_FIELDS.get(resource.type()) + " (" + resource.name() + ")", b, a, UPDATE,
                    done + " as a resource of its own, " + resource.type() + "; the table and its items are untouched"));
        });
        return List.copyOf(changes);
    }

    /** The resources beside the table, by type and name. */
    private static Map<String, PlannedResource> companions(Plan plan) {
        Map<String, PlannedResource> companions = new TreeMap<>();
        plan.resources().stream().filter(r -> COMPANION_FIELDS.containsKey(r.type()))
                .forEach(r -> companions.put(r.type() + " " + r.name(), r));
        return companions;
    }

    private static Map<String, String> inputsOf(Map<String, PlannedResource> resources) {
        Map<String, String> inputs = new TreeMap<>();
        resources.forEach((key, resource) -> inputs.put(key, Inputs.canonical(resource.inputs())));
        return inputs;
    }

    /** Whether any of the changes replaces the table. */
    public static boolean replacesTable(List<Change> changes) {
        return changes.stream().anyMatch(Change::replacesTable);
    }

    /** An input that no rule reads is not known to be safe to change in place. */
    private static void unruled(Inputs from, Inputs to, List<Change> changes) {
        Set<String> ruled = new HashSet<>();
        RULES.forEach(r -> ruled.addAll(r.inputs()));
        Set<String> names = new TreeSet<>(from.map.keySet());
        names.addAll(to.map.keySet());
        for (String name : names) {
            // "__defaults" and the like are the engine's bookkeeping in a stack's state, not inputs.
            if (ruled.contains(name) || name.startsWith("__")) {
                continue;
            }
            String before = Inputs.canonical(from.map.get(name));
            String after = Inputs.canonical(to.map.get(name));
            if (!before.equals(after)) {
                changes.add(new Change("input " + name, before, after, REPLACE, UNKNOWN));
            }
        }
    }

    private static Rule simple(String input, String path, Change.Effect effect, Function<Inputs, String> text, String reason) {
        return new Rule() {
            @Override
            public Set<String> inputs() {
                return Set.of(input);
            }

            @Override
            public void classify(Inputs from, Inputs to, List<Change> changes) {
                String before = text.apply(from);
                String after = text.apply(to);
                if (!before.equals(after)) {
                    changes.add(new Change(path, before, after, effect, reason));
                }
            }
        };
    }

    /** Set, or set to another value, replaces the table (pulumi-aws: ForceNew); cleared changes nothing on AWS. */
    private static Rule creationSource(String input) {
        return new Rule() {
            @Override
            public Set<String> inputs() {
                return Set.of(input);
            }

            @Override
            public void classify(Inputs from, Inputs to, List<Change> changes) {
                String before = Inputs.canonical(from.map.get(input));
                String after = Inputs.canonical(to.map.get(input));
                if (before.equals(after)) {
                    return;
                }
                boolean cleared = after.equals(Inputs.NONE);
                changes.add(new Change("input " + input, before, after, cleared ? UPDATE : REPLACE, cleared
                        ? "a creation source that is cleared changes nothing on the existing table"
                        : "a table is restored or imported only when it is created: " + ITEMS_LOST + " from the new source"));
            }
        };
    }

    /** The table's HASH and RANGE keys (pulumi-aws: hashKey and rangeKey are ForceNew). */
    private static final class KeySchema implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("hashKey", "rangeKey");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            String before = from.keys();
            String after = to.keys();
            if (!before.equals(after)) {
                changes.add(new Change("spec.key_schema", before, after, REPLACE,
                        "a table's key schema is fixed when it is created: " + ITEMS_LOST));
            }
        }
    }

    /**
     * Attribute definitions, one change per attribute. A type change of an attribute that a kept
     * key of the table or of a kept LSI uses replaces the table, although pulumi-aws plans it as an
     * update (pulumi-aws#1057).
     */
    private static final class Attributes implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("attributes");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            Map<String, String> before = from.attributes();
            Map<String, String> after = to.attributes();
            Set<String> tableKeys = new HashSet<>(from.tableKeyAttributes());
            tableKeys.retainAll(to.tableKeyAttributes());
            Set<String> indexKeys = new HashSet<>(from.globalIndexKeyAttributes());
            indexKeys.retainAll(to.globalIndexKeyAttributes());
            eachDifference(before, after, (name, b, a) -> {
                String path = "spec.attribute_definitions[" + name + "]";
                if (!before.containsKey(name) || !after.containsKey(name)) {
                    changes.add(new Change(path, b, a, UPDATE,
                            "attribute definitions name the key attributes of the table and its indexes; this one follows their changes"));
                } else if (tableKeys.contains(name)) {
                    changes.add(new Change(path + ".type", b, a, REPLACE,
                            "the type of a key attribute is fixed when the table is created: " + ITEMS_LOST
                                    + "; pulumi preview shows this as an update (pulumi-aws#1057), which AWS then rejects or ignores"));
                } else if (indexKeys.contains(name)) {
                    changes.add(new Change(path + ".type", b, a, UPDATE,
                            "the type of a global secondary index's key cannot change in place: remove the index, deploy,"
                                    + " then add it back; pulumi-aws does not plan that by itself (pulumi-aws#1057)"));
                } else {
                    changes.add(new Change(path + ".type", b, a, UPDATE, "no key uses the attribute"));
                }
            });
        }
    }

    /** Local secondary indexes (pulumi-aws: every field ForceNew). */
    private static final class LocalSecondaryIndexes implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("localSecondaryIndexes");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            Map<String, String> before = from.localIndexes();
            Map<String, String> after = to.localIndexes();
            eachDifference(before, after, (name, b, a) -> {
                String what = !before.containsKey(name) ? "added to" : !after.containsKey(name) ? "removed from" : "changed on";
                changes.add(new Change("spec.local_secondary_indexes[" + name + "]", b, a, REPLACE,
                        "a local secondary index cannot be " + what + " an existing table: " + ITEMS_LOST));
            });
        }
    }

    /** Global secondary indexes, one change per index: each is a separate UpdateTable. */
    private static final class GlobalSecondaryIndexes implements Rule {
        private static final Set<String> KNOWN = Set.of(
                "name", "hashKey", "rangeKey", "projectionType", "nonKeyAttributes", "readCapacity", "writeCapacity",
                "onDemandThroughput");
        private static final String BACKFILL = "DynamoDB backfills it from every item, which can take hours on a large table,"
                + " and queries on it wait until it is ACTIVE";

        @Override
        public Set<String> inputs() {
            return Set.of("globalSecondaryIndexes");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            boolean provisioned = to.provisioned();
            Map<String, Map<String, Object>> before = from.globalIndexes();
            Map<String, Map<String, Object>> after = to.globalIndexes();
            for (String name : union(before, after)) {
                String path = "spec.global_secondary_indexes[" + name + "]";
                Map<String, Object> b = before.get(name);
                Map<String, Object> a = after.get(name);
                if (b == null) {
                    changes.add(new Change(path, Inputs.NONE, Inputs.globalIndex(a), UPDATE,
                            "UpdateTable creates the index; " + BACKFILL));
                } else if (a == null) {
                    changes.add(new Change(path, Inputs.globalIndex(b), Inputs.NONE, UPDATE,
                            "UpdateTable deletes the index; the items stay, queries on the index stop working"));
                } else if (!Inputs.globalIndex(b).equals(Inputs.globalIndex(a))) {
                    changes.add(new Change(path, Inputs.globalIndex(b), Inputs.globalIndex(a), UPDATE,
                            "an index's keys and projection cannot change: it is deleted and created again; " + BACKFILL));
                } else {
                    String limitsBefore = Inputs.canonical(b.get("onDemandThroughput"));
                    String limitsAfter = Inputs.canonical(a.get("onDemandThroughput"));
                    if (!limitsBefore.equals(limitsAfter)) {
                        changes.add(new Change(path + ".on_demand_throughput", limitsBefore, limitsAfter, UPDATE,
                                "UpdateTable changes the index's request-unit limits in place"));
                    }
                    if (provisioned && !Inputs.capacity(b).equals(Inputs.capacity(a))) {
                        changes.add(new Change(path + ".provisioned_throughput", Inputs.capacity(b), Inputs.capacity(a), UPDATE,
                                "UpdateTable, in place; " + Capacity.DECREASES));
                    }
                    String otherBefore = Inputs.others(b, KNOWN);
                    String otherAfter = Inputs.others(a, KNOWN);
                    if (!otherBefore.equals(otherAfter)) {
                        changes.add(new Change(path, otherBefore, otherAfter, REPLACE, UNKNOWN));
                    }
                }
            }
        }
    }

    private static final class BillingMode implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("billingMode");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            String before = from.billingMode();
            String after = to.billingMode();
            if (!before.equals(after)) {
                changes.add(new Change("spec.billing_mode", before, after, UPDATE, after.equals("PAY_PER_REQUEST")
                        ? "UpdateTable, in place; AWS allows a switch to PAY_PER_REQUEST at most 4 times in 24 hours"
                        : "UpdateTable, in place; from then on requests above the provisioned capacity are throttled"));
            }
        }
    }

    /** The table's provisioned throughput; it means something only while the new billing mode is PROVISIONED. */
    private static final class Capacity implements Rule {
        static final String DECREASES = "AWS allows 4 decreases a day, and one more after each hour without one";

        @Override
        public Set<String> inputs() {
            return Set.of("readCapacity", "writeCapacity");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            if (!to.provisioned()) {
                return;
            }
            String before = from.provisioned() ? Inputs.capacity(from.map) : Inputs.NONE;
            String after = Inputs.capacity(to.map);
            if (!before.equals(after)) {
                changes.add(new Change("spec.provisioned_throughput", before, after, UPDATE, "UpdateTable, in place; " + DECREASES));
            }
        }
    }

    /** The stream: on, off, or another view type (which needs the stream turned off and on again). */
    private static final class Stream implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("streamEnabled", "streamViewType");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            String before = from.stream();
            String after = to.stream();
            if (before.equals(after)) {
                return;
            }
            boolean bothOn = from.bool("streamEnabled") && to.bool("streamEnabled");
            changes.add(bothOn
                    ? new Change("spec.stream_view_type", before, after, UPDATE,
                            "a stream's view type cannot change: the stream is turned off and on again with a new ARN,"
                                    + " and its consumers must move to it")
                    : new Change("spec.stream_enabled", before, after, UPDATE, to.bool("streamEnabled")
                            ? "UpdateTable turns the stream on, in place"
                            : "UpdateTable turns the stream off, in place; its records stay readable for 24 hours"));
        }
    }

    /**
     * Replicas of a global table, one change per Region: UpdateTable adds or deletes a replica
     * table there (ReplicaUpdates), in place for the table itself.
     */
    private static final class Replicas implements Rule {
        @Override
        public Set<String> inputs() {
            return Set.of("replicas");
        }

        @Override
        public void classify(Inputs from, Inputs to, List<Change> changes) {
            Map<String, String> before = from.replicas();
            Map<String, String> after = to.replicas();
            eachDifference(before, after, (region, b, a) -> changes.add(new Change("spec.replicas[" + region + "]", b, a, UPDATE,
                    !before.containsKey(region)
                            ? "UpdateTable creates a replica table in " + region + " and copies every item to it, which can take hours"
                            : !after.containsKey(region)
                            ? "UpdateTable deletes the replica table in " + region + " and the items there; this table keeps its own"
                            : "UpdateTable changes the replica in place")));
        }
    }

    /** A key whose value differs between two maps; a missing key reads {@link Inputs#NONE}. */
    private interface Difference {
        void at(String key, String before, String after);
    }

    /** Each key whose value differs between {@code before} and {@code after}, in key order. */
    private static void eachDifference(Map<String, String> before, Map<String, String> after, Difference difference) {
        for (String key : union(before, after)) {
            String b = before.getOrDefault(key, Inputs.NONE);
            String a = after.getOrDefault(key, Inputs.NONE);
            if (!b.equals(a)) {
                difference.at(key, b, a);
            }
        }
    }

    private static <V> Set<String> union(Map<String, V> a, Map<String, V> b) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    /** Reads planned or recorded inputs, with the provider's defaults for what is absent. */
    static final class Inputs {
        static final String NONE = "(none)";

        final Map<String, Object> map;

        Inputs(Map<String, Object> map) {
            this.map = map;
        }

        String text(String key) {
            return show(map.get(key));
        }

        String textOr(String key, String absent) {
            String value = show(map.get(key));
            return value.equals(NONE) ? absent : value;
        }

        boolean bool(String key) {
            return bool(map.get(key));
        }

        boolean bool(String block, String key) {
            return bool(map(map.get(block)).get(key));
        }

        String billingMode() {
            return textOr("billingMode", "PROVISIONED"); // the provider's default
        }

        boolean provisioned() {
            return billingMode().equals("PROVISIONED");
        }

        String keys() {
            return keys(text("hashKey"), text("rangeKey"));
        }

        Map<String, String> attributes() {
            Map<String, String> attributes = new TreeMap<>();
            for (Map<String, Object> a : maps(map.get("attributes"))) {
                attributes.put(show(a.get("name")), show(a.get("type")));
            }
            return attributes;
        }

        /** The attributes the table's keys and its LSIs' range keys use. */
        Set<String> tableKeyAttributes() {
            Set<String> keys = new HashSet<>();
            keys.add(text("hashKey"));
            keys.add(text("rangeKey"));
            maps(map.get("localSecondaryIndexes")).forEach(l -> keys.add(show(l.get("rangeKey"))));
            keys.remove(NONE);
            return keys;
        }

        Set<String> globalIndexKeyAttributes() {
            Set<String> keys = new HashSet<>();
            maps(map.get("globalSecondaryIndexes")).forEach(g -> {
                keys.add(show(g.get("hashKey")));
                keys.add(show(g.get("rangeKey")));
            });
            keys.remove(NONE);
            return keys;
        }

        Map<String, String> localIndexes() {
            Map<String, String> indexes = new TreeMap<>();
            for (Map<String, Object> l : maps(map.get("localSecondaryIndexes"))) {
                String others = others(l, Set.of("name", "rangeKey", "projectionType", "nonKeyAttributes"));
                indexes.put(show(l.get("name")), "RANGE " + show(l.get("rangeKey")) + " " + projection(l)
                        + (others.equals(NONE) ? "" : " " + others));
            }
            return indexes;
        }

        Map<String, Map<String, Object>> globalIndexes() {
            Map<String, Map<String, Object>> indexes = new TreeMap<>();
            maps(map.get("globalSecondaryIndexes")).forEach(g -> indexes.put(show(g.get("name")), g));
            return indexes;
        }

        /** An index's keys and projection: what cannot change without creating the index again. */
        static String globalIndex(Map<String, Object> g) {
            return keys(show(g.get("hashKey")), show(g.get("rangeKey"))) + " " + projection(g);
        }

        static String projection(Map<String, Object> index) {
            String type = show(index.get("projectionType"));
            List<String> nonKey = strings(index.get("nonKeyAttributes")).stream().sorted().toList();
            return (type.equals(NONE) ? "ALL" : type) + (nonKey.isEmpty() ? "" : " " + nonKey);
        }

        /** The fields of an index that no rule reads, or (none). */
        static String others(Map<String, Object> index, Set<String> known) {
            Map<String, Object> others = new TreeMap<>(index);
            others.keySet().removeAll(known);
            others.keySet().removeIf(k -> k.startsWith("__"));
            others.values().removeIf(Objects::isNull);
            return others.isEmpty() ? NONE : canonical(others);
        }

        static String capacity(Map<String, Object> inputs) {
            return "read " + canonical(inputs.get("readCapacity")) + ", write " + canonical(inputs.get("writeCapacity"));
        }

        /** Region to the replica's settings; the ARNs AWS reports are outputs, not settings. */
        Map<String, String> replicas() {
            Map<String, String> replicas = new TreeMap<>();
            for (Map<String, Object> r : maps(map.get("replicas"))) {
                String kms = show(r.get("kmsKeyArn"));
                replicas.put(show(r.get("regionName")), "KMS " + (kms.equals(NONE) ? "(AWS managed key)" : kms)
                        + ", point-in-time recovery " + bool(r.get("pointInTimeRecovery"))
                        + ", propagate tags " + bool(r.get("propagateTags")));
            }
            return replicas;
        }

        String pointInTimeRecovery() {
            Map<String, Object> pitr = map(map.get("pointInTimeRecovery"));
            if (!bool(pitr.get("enabled"))) {
                return "disabled";
            }
            String days = show(pitr.get("recoveryPeriodInDays"));
            return "enabled, " + (days.equals(NONE) ? "35" : days) + " days";
        }

        String stream() {
            return bool("streamEnabled") ? "enabled " + text("streamViewType") : "disabled";
        }

        String ttl() {
            Map<String, Object> ttl = map(map.get("ttl"));
            return bool(ttl.get("enabled")) ? "enabled " + show(ttl.get("attributeName")) : "disabled";
        }

        /** Enabled means a KMS key, the given one or AWS's managed key; disabled means the AWS owned key. */
        String encryption() {
            Map<String, Object> sse = map(map.get("serverSideEncryption"));
            if (!bool(sse.get("enabled"))) {
                return "AWS owned key";
            }
            String key = show(sse.get("kmsKeyArn"));
            return "KMS " + (key.equals(NONE) ? "(AWS managed key)" : key);
        }

        String sortedMap(String key) {
            Map<String, Object> m = map(map.get(key));
            return m.isEmpty() ? NONE : new TreeMap<>(m).entrySet().stream()
                    .map(e -> e.getKey() + "=" + show(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }

        static String keys(String hash, String range) {
            return "HASH " + hash + (range.equals(NONE) ? "" : ", RANGE " + range);
        }

        // The engine hands values over as JSON-like objects: a whole number may be a Long or a
        // Double, and a boolean or number may arrive as a string. These read them either way.

        static String show(Object value) {
            return value == null || (value instanceof String s && s.isEmpty()) ? NONE : canonical(value);
        }

        static boolean bool(Object value) {
            return value instanceof Boolean b ? b : value instanceof String s && Boolean.parseBoolean(s);
        }

        /** A value as text that is equal for equal values, whichever way the engine typed them. */
        static String canonical(Object value) {
            if (value == null) {
                return NONE;
            }
            if (value instanceof Number n) {
                double d = n.doubleValue();
                return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, String> sorted = new TreeMap<>();
                m.forEach((k, v) -> {
                    if (!String.valueOf(k).startsWith("__")) { // the bridge's "__defaults" bookkeeping in state
                        sorted.put(String.valueOf(k), canonical(v));
                    }
                });
                return sorted.toString();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Inputs::canonical).toList().toString();
            }
            return value.toString();
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value) {
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        static List<Map<String, Object>> maps(Object value) {
            return value instanceof List<?> list ? list.stream().map(Inputs::map).toList() : List.of();
        }

        static List<String> strings(Object value) {
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }
    }

    /** The names of the inputs that have a rule; for tests that every planned input is classified. */
    static Set<String> ruledInputs() {
        Set<String> ruled = new TreeSet<>();
        RULES.forEach(r -> ruled.addAll(r.inputs()));
        return ruled;
    }
}
