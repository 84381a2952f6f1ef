package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;

/**
 * Two {@code local up} on one table at once, with different GSIs. The second runs inside the
 * first's progress report, right after the first added its index, so the interleaving is the
 * same on every run: the first must notice that its table changed under it and converge again,
 * and never report success for a table that does not match its manifest.
 */
class ConcurrentConvergeTest {
    private static final String TABLE = "concurrent";
    private static final String BASE = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: concurrent
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
                - {name: %s, type: S}
              keySchema:
                - {attributeName: pk, keyType: HASH}
              globalSecondaryIndexes:
                - name: by-%s
                  keySchema: [{attributeName: %s, keyType: HASH}]
                  projection: {type: KEYS_ONLY}
            """;
    private static final Duration BOUND = Duration.ofMinutes(3);

    private Plan byOwner;
    private Plan byStatus;

    @BeforeEach
    void startWithTheTableWithoutIndexes() throws Exception {
        byOwner = EmbeddedDynamoDb.plan(EmbeddedDynamoDb.manifest(BASE.formatted("owner", "owner", "owner")));
        byStatus = EmbeddedDynamoDb.plan(EmbeddedDynamoDb.manifest(BASE.formatted("status", "status", "status")));
        EmbeddedDynamoDb.drop(TABLE);
        EmbeddedDynamoDb.up(EmbeddedDynamoDb.manifest(BASE.formatted("owner", "owner", "owner")
                .replaceAll("(?s)  globalSecondaryIndexes:.*", "").replace("    - {name: owner, type: S}\n", "")));
    }

    @AfterEach
    void drop() {
        EmbeddedDynamoDb.drop(TABLE);
    }

    private static List<String> indexes(LiveTable live) {
        return live.table().globalSecondaryIndexes().stream().map(g -> g.indexName()).sorted().toList();
    }

    /** A progress report that, each time the first run has added its index, runs the second `local up` to the end. */
    private Consumer<String> interferingAfterAdd(List<String> lines, List<LiveTable> secondResults, int times) {
        return line -> {
            lines.add(line);
            if (line.equals("added global secondary index by-owner") && secondResults.size() < times) {
                secondResults.add(new Converger(EmbeddedDynamoDb.client(), l -> { }, Duration.ofMinutes(1)).converge(byStatus));
            }
        };
    }

    @Test
    void aTableChangedUnderARunIsConvergedAgainAndOnlyThenReported() {
        List<String> lines = new ArrayList<>();
        List<LiveTable> second = new ArrayList<>();

        LiveTable first = assertTimeoutPreemptively(BOUND, () ->
                new Converger(EmbeddedDynamoDb.client(), interferingAfterAdd(lines, second, 1), Duration.ofMinutes(1)).converge(byOwner));

        assertEquals(List.of("by-status"), indexes(second.get(0)), "the second run succeeded with its own index");
        assertEquals(List.of("by-owner"), indexes(first), "the first run reports success only for a table in sync");
        assertTrue(TableComparison.of(PlannedTable.of(byOwner), first).inSync());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("table concurrent changed while it was being converged (")
                && l.endsWith("); converging again")), () -> String.join("\n", lines));
    }

    @Test
    void aTableThatKeepsChangingIsRefusedNotReportedInSync() {
        List<String> lines = new ArrayList<>();
        List<LiveTable> second = new ArrayList<>();

        IllegalStateException refused = assertTimeoutPreemptively(BOUND, () -> assertThrows(IllegalStateException.class, () ->
                new Converger(EmbeddedDynamoDb.client(), interferingAfterAdd(lines, second, Converger.PASSES), Duration.ofMinutes(1))
                        .converge(byOwner)));

        assertEquals(Converger.PASSES, second.size());
        assertTrue(refused.getMessage().startsWith("table concurrent kept changing while it was being converged (another `local up`"
                + " at the same time?); it does not match the manifest ("), refused.getMessage());
        assertTrue(refused.getMessage().contains("global_secondary_indexes[by-owner], global_secondary_indexes[by-status]"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("). Run `local up` again once the other is done"), refused.getMessage());
    }
}
