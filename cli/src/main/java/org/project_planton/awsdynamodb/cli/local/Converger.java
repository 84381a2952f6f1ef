package org.project_planton.awsdynamodb.cli.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.ReplacementRefused;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Brings a live table to the planned one: creates it, or changes what DynamoDB can change in place,
 * one step at a time, waiting for ACTIVE after each. What the change classifier says would replace the
 * table (key schema, LSIs, the type of an attribute a kept key uses) is refused before anything is sent.
 */
public final class Converger {
    /** How many times a table that another client changes meanwhile is read and converged again. */
    static final int PASSES = 3;

    private final DynamoDbClient client;
    private final Consumer<String> progress;
    private final Duration timeout;
    private int changes;

    /** {@code progress} receives one line per change made and per operation the endpoint does not implement. */
    public Converger(DynamoDbClient client, Consumer<String> progress, Duration timeout) {
        this.client = client;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * Converges the table the plan registers and returns the live table afterwards, which matches
     * the plan: success means in sync. Another client (a second {@code local up}) may change the table
     * meanwhile; then the table is read again and converged again, up to {@link #PASSES} times, and
     * refused after that rather than reported as done.
     */
    public LiveTable converge(Plan plan) {
        changes = 0;
        PlannedTable want = PlannedTable.of(plan);
        TableDefinition planned = TableDefinition.of(plan);
        for (int pass = 1; ; pass++) {
            try {
                convergeOnce(want, planned);
            } catch (Rejected e) {
                if (pass == PASSES) {
                    throw e;
                }
                // Such as "Table is being updated" or "index already exists": another client may be changing it.
                progress.accept("note: " + e.getMessage() + "; reading the table again");
                if (LiveTable.read(client, want.name()).isPresent()) {
                    awaitActive(want.name());
                }
                continue;
            }
            LiveTable live = LiveTable.read(client, want.name()).orElseThrow(() ->
                    new IllegalStateException("table " + want.name() + " disappeared while it was being converged"));
            List<TableComparison.Field> differences = TableComparison.of(want, live).differences();
            if (differences.isEmpty()) {
                applyCompanions(plan, want);
                if (changes == 0) {
                    progress.accept("table " + want.name() + ": in sync with the manifest; nothing to change");
                }
                return live;
            }
            String fields = differences.stream().map(TableComparison.Field::name).collect(Collectors.joining(", "));
            if (pass == PASSES) {
                throw new IllegalStateException("table " + want.name() + " kept changing while it was being converged (another `local up`"
                        + " at the same time?); it does not match the manifest (" + fields + "). Run `local up` again once the other is done");
            }
            progress.accept("table " + want.name() + " changed while it was being converged (" + fields + "); converging again");
        }
    }

    /** One pass: read the table, then create it or change what differs. */
    private void convergeOnce(PlannedTable want, TableDefinition planned) {
        var existing = LiveTable.read(client, want.name());
        if (existing.isEmpty()) {
            create(want);
        } else {
            refuseReplacement(existing.get(), planned);
            update(want, existing.get());
        }
        applyUnverifiable(want, planned.contributorInsights());
    }

    private void create(PlannedTable want) {
        call("CreateTable", () -> client.createTable(want.createTableRequest()));
        awaitActive(want.name());
        changed("created table " + want.name());
        if (want.creationSource() != null) {
            progress.accept("note: the endpoint does not implement " + want.creationSource() + "; the table was created empty");
        }
        if (want.ttlEnabled()) {
            call("UpdateTimeToLive", () -> client.updateTimeToLive(want.timeToLiveRequest()));
            changed("enabled TTL on attribute " + want.ttlAttributeName());
        }
        if (want.pointInTimeRecovery()) {
            pointInTimeRecovery(want, true);
        }
    }

    /**
     * A change that DynamoDB can only make by creating the table again is refused, one line per
     * cause, as the change classifier words it; nothing is sent. Local up never replaces a table:
     * run {@code local down} first to start over.
     */
    private static void refuseReplacement(LiveTable live, TableDefinition planned) {
        List<String> replacing = ChangeClassifier.classify(live.definition(planned), planned).stream()
                .filter(Change::replacesTable).map(Change::line).toList();
        if (!replacing.isEmpty()) {
            throw new ReplacementRefused(replacing, "refusing to change table " + planned.name()
                    + ": it would have to be replaced; nothing was changed. To start over with an empty table, run `project-planton local down` first");
        }
    }

    private void update(PlannedTable want, LiveTable live) {
        TableDescription t = live.table();
        Map<String, PlannedTable.Gsi> wanted = want.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(PlannedTable.Gsi::name, g -> g));
        // 1. Remove indexes that are gone from the plan or whose keys or projection changed.
        List<String> kept = new ArrayList<>();
        for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
            PlannedTable.Gsi w = wanted.get(g.indexName());
            boolean same = w != null && TableComparison.keys(g.keySchema()).equals(TableComparison.keys(w.keySchema()))
                    && TableComparison.projection(g.projection()).equals(TableComparison.projection(w.projection()));
            if (same) {
                kept.add(g.indexName());
                continue;
            }
            updateTable(want.name(), b -> b.globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(g.indexName())).build()));
            changed((w == null ? "removed" : "removed (to re-create with new keys or projection)") + " global secondary index " + g.indexName());
        }
        // 2. Billing mode and capacity, for the table and the indexes it keeps.
        t = describe(want.name());
        boolean billingChanges = !TableComparison.billingMode(t).equals(want.billingMode());
        UpdateTableRequest.Builder capacity = UpdateTableRequest.builder().tableName(want.name());
        boolean capacityChanges = billingChanges;
        if (billingChanges) {
            capacity.billingMode(want.billingMode());
        }
        if (want.provisioned()) {
            if (billingChanges || !Objects.equals(PlannedTable.Capacity.of(t.provisionedThroughput()), want.capacity())) {
                capacity.provisionedThroughput(want.capacity().throughput());
                capacityChanges = true;
            }
            // An index's capacity is sent only where the reported one differs. AWS reports 0/0 for an
            // index of an on-demand table, so a switch to PROVISIONED always sends it there; DynamoDB Local
            // remembers the last provisioned capacity across an on-demand period and rejects an update to
            // the value it already holds ("The requested throughput value equals the current value").
            List<GlobalSecondaryIndexUpdate> indexUpdates = new ArrayList<>();
            for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
                PlannedTable.Gsi w = wanted.get(g.indexName());
                if (w != null && !Objects.equals(PlannedTable.Capacity.of(g.provisionedThroughput()), w.capacity())) {
                    indexUpdates.add(GlobalSecondaryIndexUpdate.builder()
                            .update(u -> u.indexName(g.indexName()).provisionedThroughput(w.capacity().throughput())).build());
                }
            }
            if (!indexUpdates.isEmpty()) {
                capacity.globalSecondaryIndexUpdates(indexUpdates);
                capacityChanges = true;
            }
        }
        if (capacityChanges) {
            updateTable(capacity.build());
            changed(billingChanges ? "switched billing mode to " + want.billingMode()
                    : "set provisioned capacity to " + TableComparison.capacity(want.capacity()));
        }
        // 3. Add indexes, one per UpdateTable, each with the attribute definitions it needs.
        for (PlannedTable.Gsi g : want.globalSecondaryIndexes()) {
            if (kept.contains(g.name())) {
                continue;
            }
            updateTable(want.name(), b -> b.attributeDefinitions(want.attributeDefinitions())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(g.toCreateAction()).build()));
            changed("added global secondary index " + g.name());
        }
        // 4. Stream: a view type cannot be changed on an enabled stream, so it is turned off first.
        t = describe(want.name());
        StreamSpecification liveStream = t.streamSpecification();
        boolean liveEnabled = liveStream != null && Boolean.TRUE.equals(liveStream.streamEnabled());
        boolean sameStream = liveEnabled == want.streamEnabled()
                && (!liveEnabled || Objects.equals(liveStream.streamViewTypeAsString(), want.streamViewType()));
        if (!sameStream) {
            if (liveEnabled) {
                updateTable(want.name(), b -> b.streamSpecification(s -> s.streamEnabled(false)));
            }
            if (want.streamEnabled()) {
                updateTable(want.name(), b -> b.streamSpecification(want.streamSpecification()));
            }
            changed(want.streamEnabled() ? "enabled stream " + want.streamViewType() : "disabled stream");
        }
        // 5. Deletion protection, encryption and table class, where the endpoint reports them.
        TableComparison after = TableComparison.of(want, LiveTable.read(client, want.name()).orElseThrow());
        for (TableComparison.Field f : after.fields()) {
            if (f.state() == TableComparison.State.NOT_REPORTED && !f.name().equals("point_in_time_recovery_enabled")) {
                progress.accept("note: the endpoint does not implement " + f.name() + " (manifest: " + f.wanted() + "); skipped");
            }
            if (f.state() != TableComparison.State.DIFFERS) {
                continue;
            }
            switch (f.name()) {
                case "deletion_protection_enabled" -> {
                    updateTable(want.name(), b -> b.deletionProtectionEnabled(want.deletionProtection()));
                    changed((want.deletionProtection() ? "enabled" : "disabled") + " deletion protection");
                }
                case "server_side_encryption" -> {
                    updateTable(want.name(), b -> b.sseSpecification(want.sseSpecification()));
                    changed("set server-side encryption to " + f.wanted());
                }
                case "table_class" -> {
                    updateTable(want.name(), b -> b.tableClass(f.wanted()));
                    changed("set table class to " + f.wanted());
                }
                case "ttl" -> ttl(want, live);
                case "point_in_time_recovery_enabled" -> pointInTimeRecovery(want, false);
                default -> { }
            }
        }
        if (live.pointInTimeRecovery() == null && want.pointInTimeRecovery()) {
            pointInTimeRecovery(want, false);
        }
    }

    /** TTL cannot move from one attribute to another while on: it is turned off (with the live name), then on. */
    private void ttl(PlannedTable want, LiveTable live) {
        String status = live.ttl() == null ? "DISABLED" : live.ttl().timeToLiveStatusAsString();
        boolean liveOn = "ENABLED".equals(status) || "ENABLING".equals(status);
        if (liveOn) {
            String liveName = live.ttl().attributeName();
            call("UpdateTimeToLive", () -> client.updateTimeToLive(b -> b.tableName(want.name())
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(false).attributeName(liveName).build())));
        }
        if (want.ttlEnabled()) {
            call("UpdateTimeToLive", () -> client.updateTimeToLive(want.timeToLiveRequest()));
        }
        changed(want.ttlEnabled() ? "enabled TTL on attribute " + want.ttlAttributeName() : "disabled TTL");
    }

    /** Point-in-time recovery, tags and contributor insights: applied where implemented, else one note each. */
    private void applyUnverifiable(PlannedTable want, boolean contributorInsights) {
        TableDescription t = describe(want.name());
        if (!want.tags().isEmpty()) {
            try {
                client.tagResource(b -> b.resourceArn(t.tableArn()).tags(want.tags().entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
            } catch (DynamoDbException e) {
                unsupportedOrThrow(e, "tagging (TagResource); the table's " + want.tags().size() + " tags were not applied");
            }
        }
        if (contributorInsights) {
            try {
                client.updateContributorInsights(b -> b.tableName(want.name()).contributorInsightsAction("ENABLE"));
            } catch (DynamoDbException e) {
                unsupportedOrThrow(e, "contributor insights (UpdateContributorInsights); not enabled");
            }
        }
    }

    /**
     * What the plan adds around the table: replicas (global tables), Application Auto Scaling, the
     * resource policy and the Kinesis destination. Applied where the endpoint implements them, else
     * one note each; DynamoDB Local implements none of them.
     */
    private void applyCompanions(Plan plan, PlannedTable want) {
        if (!want.replicaRegions().isEmpty()) {
            progress.accept("note: the endpoint does not implement global tables (replicas); no replica in "
                    + String.join(", ", want.replicaRegions()) + " was created");
        }
        long scaling = plan.resources().stream().filter(r -> r.type().equals(PlannedResource.SCALING_TARGET_TYPE)).count();
        if (scaling > 0) {
            progress.accept("note: auto scaling is Application Auto Scaling, a service the endpoint does not have; "
                    + scaling + " scaling target(s) not applied, the capacity stays as provisioned");
        }
        TableDescription t = describe(want.name());
        boolean limits = want.onDemandThroughput() != null
                || want.globalSecondaryIndexes().stream().anyMatch(g -> g.onDemandThroughput() != null);
        if (limits && t.onDemandThroughput() == null) {
            progress.accept("note: the endpoint does not report on-demand throughput limits (OnDemandThroughput);"
                    + " they were sent with CreateTable and are not checked or converged");
        }
        for (PlannedResource r : plan.resources()) {
            if (r.type().equals(PlannedResource.RESOURCE_POLICY_TYPE)) {
                try {
                    client.putResourcePolicy(b -> b.resourceArn(t.tableArn()).policy(String.valueOf(r.inputs().get("policy"))));
                    changed("put the table's resource policy");
                } catch (DynamoDbException e) {
                    unsupportedOrThrow(e, "resource policies (PutResourcePolicy); not applied");
                }
            } else if (r.type().equals(PlannedResource.KINESIS_DESTINATION_TYPE)) {
                String streamArn = String.valueOf(r.inputs().get("streamArn"));
                try {
                    client.enableKinesisStreamingDestination(b -> b.tableName(want.name()).streamArn(streamArn));
                    changed("enabled Kinesis streaming to " + streamArn);
                } catch (DynamoDbException e) {
                    unsupportedOrThrow(e, "Kinesis streaming destinations (EnableKinesisStreamingDestination); not enabled");
                }
            }
        }
    }


    private void pointInTimeRecovery(PlannedTable want, boolean onCreate) {
        try {
            client.updateContinuousBackups(b -> b.tableName(want.name())
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(want.pointInTimeRecovery())
                            .recoveryPeriodInDays(want.pointInTimeRecovery() ? want.pointInTimeRecoveryPeriodInDays() : null)));
            if (!onCreate || want.pointInTimeRecovery()) {
                changed((want.pointInTimeRecovery() ? "enabled" : "disabled") + " point-in-time recovery");
            }
        } catch (DynamoDbException e) {
            unsupportedOrThrow(e, "continuous backups (point-in-time recovery); skipped");
        }
    }

    /** One change made, reported as one progress line. */
    private void changed(String line) {
        changes++;
        progress.accept(line);
    }

    private void unsupportedOrThrow(DynamoDbException e, String what) {
        if (!Unsupported.is(e)) {
            throw new IllegalArgumentException("the endpoint rejected " + what + ": " + EndpointErrors.message(e), e);
        }
        progress.accept("note: the endpoint does not implement " + what);
    }

    /** One UpdateTable on table {@code name}, then waits until it is ACTIVE again. */
    private void updateTable(String name, Consumer<UpdateTableRequest.Builder> change) {
        updateTable(UpdateTableRequest.builder().tableName(name).applyMutation(change).build());
    }

    private void updateTable(UpdateTableRequest request) {
        call("UpdateTable", () -> client.updateTable(request));
        awaitActive(request.tableName());
    }

    private TableDescription describe(String name) {
        return call("DescribeTable", () -> LiveTable.describe(client, name));
    }

    /** Waits until the table and every index are ACTIVE and no index is being deleted. */
    private void awaitActive(String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableDescription t;
            try {
                t = describe(name);
            } catch (ResourceNotFoundException e) {
                t = null;
            }
            if (t != null && t.tableStatus() == TableStatus.ACTIVE
                    && t.globalSecondaryIndexes().stream().allMatch(g -> "ACTIVE".equals(g.indexStatusAsString()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + name + " did not become ACTIVE within " + timeout.toSeconds() + "s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + name + " to become ACTIVE");
            }
        }
    }

    private static <T> T call(String operation, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceNotFoundException e) {
            throw e;
        } catch (DynamoDbException e) {
            throw new Rejected(operation + " was rejected: " + EndpointErrors.message(e), e);
        }
    }

    /** The endpoint rejected a request of a pass. */
    private static final class Rejected extends IllegalArgumentException {
        Rejected(String message, DynamoDbException cause) {
            super(message, cause);
        }
    }
}
