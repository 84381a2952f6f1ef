package org.project_planton.awsdynamodb.cli.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn.resource;
import static org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn.step;
import static org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn.urn;

import com.google.gson.Gson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.awsdynamodb.cli.CliRun;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The replacement guard of `pulumi update`, against the pulumi CLI stand-in: the stack's state holds
 * the table as an earlier manifest deployed it, and the stand-in's preview answers as the engine
 * (scripted per test, including pulumi-aws#1057's "update" for a key type change).
 */
@Timeout(120)
class ReplacementGuardTest {
    private static final String STACK = "acme/awsdynamodb/dev";
    private static final String DEPLOYED = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - {name: pk, type: S}
              keySchema:
                - {attributeName: pk, keyType: HASH}
            """;
    private static final String TABLE_URN = urn(STACK, PlannedResource.TABLE_TYPE, "orders");

    @TempDir
    Path root;
    PulumiCliStandIn pulumi;
    Path module;
    Path manifest;

    @BeforeEach
    void setUp() throws Exception {
        pulumi = new PulumiCliStandIn(root);
        module = Files.createDirectories(root.resolve("module"));
        Files.writeString(module.resolve("Pulumi.yaml"), "name: awsdynamodb\nruntime: java\n");
        manifest = root.resolve("orders.yaml");
        // The table as the engine recorded it: the program's inputs, plus the bridge's bookkeeping.
        Map<String, Object> inputs = new LinkedHashMap<>(plannedTable(DEPLOYED).inputs());
        inputs.put("__defaults", List.of());
        pulumi.deployed(STACK, resource(STACK, PlannedResource.TABLE_TYPE, "orders", new Gson().toJson(inputs)));
    }

    private static TableDefinition plannedTable(String yaml) throws Exception {
        return TableDefinition.of(Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(Manifests.loadValid(yaml, "m.yaml")).build()));
    }

    private CliRun update(String yaml, String... extra) throws Exception {
        Files.writeString(manifest, yaml);
        List<String> args = new ArrayList<>(List.of("pulumi", "update", "-m", manifest.toString(), "--stack", STACK,
                "--module-dir", module.toString(), "--yes"));
        args.addAll(List.of(extra));
        return CliRun.of(pulumi.environment(false), args.toArray(String[]::new));
    }

    private boolean upRan() throws Exception {
        return pulumi.argvs().stream().anyMatch(argv -> argv.get(0).equals("up"));
    }

    @Test
    void aKeyChangeIsRefusedWithItsCauseAndUpNeverRuns() throws Exception {
        pulumi.previewSteps(step("replace", TABLE_URN, "hashKey"));

        CliRun run = update(DEPLOYED.replace("{name: pk, type: S}", "{name: id, type: S}").replace("attributeName: pk", "attributeName: id"));

        assertEquals(1, run.exitCode(), run.err());
        assertFalse(upRan(), "pulumi up must not run");
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.contains("project-planton: error: spec.keySchema: HASH pk -> HASH id replaces the table and deletes its items"
                + " (a table's key schema is fixed when it is created: the table is deleted and created again)"), run.err());
        assertTrue(lines.contains("project-planton: error: pulumi preview: table orders would be replaced, which deletes its items"
                + " (pulumi-aws replaces it for: hashKey)"), run.err());
        assertEquals("project-planton: error: refusing to run pulumi up: it would delete table orders and all its items; nothing was changed."
                + " Review it with `project-planton diff`; pass --allow-replace only if losing the items is intended", lines.get(lines.size() - 1));
    }

    @Test
    void withAllowReplaceTheKeyChangeIsAppliedFromTheCheckedPlanWithAPlainWarning() throws Exception {
        pulumi.previewSteps(step("replace", TABLE_URN, "hashKey"));

        CliRun run = update(DEPLOYED.replace("{name: pk, type: S}", "{name: id, type: S}").replace("attributeName: pk", "attributeName: id"),
                "--allow-replace");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("project-planton: warning: spec.keySchema: HASH pk -> HASH id replaces the table and deletes its items"), run.err());
        assertTrue(run.err().contains("project-planton: warning: --allow-replace: table orders and all its items will be deleted"), run.err());
        List<String> preview = pulumi.argvs().stream().filter(a -> a.get(0).equals("preview")).findFirst().orElseThrow();
        List<String> up = pulumi.argvs().stream().filter(a -> a.get(0).equals("up")).findFirst().orElseThrow();
        String plan = preview.get(preview.indexOf("--save-plan") + 1);
        assertEquals(plan, up.get(up.indexOf("--plan") + 1), "up applies the plan that was checked");
        assertFalse(Files.exists(Path.of(plan)), "the saved plan is deleted afterwards");
    }

    @Test
    void aKeyTypeChangeIsRefusedEvenWhenThePreviewSaysUpdate() throws Exception {
        pulumi.previewSteps(step("update", TABLE_URN)); // pulumi-aws#1057

        CliRun run = update(DEPLOYED.replace("{name: pk, type: S}", "{name: pk, type: N}"));

        assertEquals(1, run.exitCode(), run.err());
        assertFalse(upRan());
        assertTrue(run.err().contains("project-planton: error: spec.attributeDefinitions[pk].type: S -> N replaces the table and deletes its items"),
                run.err());
        assertFalse(run.err().contains("pulumi preview: table"), "the engine saw no replacement: " + run.err());
    }

    @Test
    void anAddedGsiGoesThroughWithANoteOnTheBackfill() throws Exception {
        pulumi.previewSteps(step("update", TABLE_URN));

        CliRun run = update(DEPLOYED.replace("    - {name: pk, type: S}\n", "    - {name: pk, type: S}\n    - {name: status, type: S}\n") + """
                  globalSecondaryIndexes:
                    - name: by-status
                      keySchema: [{attributeName: status, keyType: HASH}]
                """);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(upRan());
        assertTrue(run.err().contains("project-planton: note: spec.globalSecondaryIndexes[by-status]: (none) -> HASH status ALL is changed in place"
                + " (UpdateTable creates the index; DynamoDB backfills it from every item, which can take hours on a large table"), run.err());
        assertFalse(run.err().contains("error"), run.err());
    }

    @Test
    void aNewNameIsRefusedTooThoughPulumiPlansACreateAndADelete() throws Exception {
        pulumi.previewSteps(step("create", urn(STACK, PlannedResource.TABLE_TYPE, "orders-v2")), step("delete", TABLE_URN));

        CliRun run = update(DEPLOYED.replace("name: orders", "name: orders-v2"));

        assertEquals(1, run.exitCode(), run.err());
        assertFalse(upRan());
        assertTrue(run.err().contains("project-planton: error: metadata.name: orders -> orders-v2 replaces the table and deletes its items"), run.err());
        assertTrue(run.err().contains("project-planton: error: pulumi preview: table orders would be deleted, with all its items"), run.err());
    }

    @Test
    void theEnginesViewAloneIsEnoughToRefuse() throws Exception {
        pulumi.previewSteps(step("replace", TABLE_URN, "serverSideEncryption"));

        CliRun run = update(DEPLOYED);

        assertEquals(1, run.exitCode(), run.err());
        assertFalse(upRan());
        assertTrue(run.err().contains("project-planton: error: pulumi preview: table orders would be replaced"), run.err());
    }

    @Test
    void aFirstDeploymentHasNothingToLose() throws Exception {
        pulumi.deployed(STACK); // a stack with no resources yet
        pulumi.previewSteps(step("create", TABLE_URN));

        CliRun run = update(DEPLOYED);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(upRan());
        assertEquals("", run.err());
    }

    @Test
    void anUpdateThatWouldExceedTheCheckedPlanFailsInPulumi() throws Exception {
        pulumi.previewSteps(step("update", TABLE_URN));
        Files.writeString(root.resolve("stand-in/up-exceeds-plan"),
                "resource " + TABLE_URN + " violates plan: properties changed: ~~hashKey");

        CliRun run = update(DEPLOYED.replace("billingMode: PAY_PER_REQUEST", "billingMode: PAY_PER_REQUEST\n  deletionProtectionEnabled: true"));

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("project-planton: error: pulumi up failed (exit code 255): resource " + TABLE_URN
                + " violates plan: properties changed: ~~hashKey\n"), run.err());
    }

    @Test
    void destroySaysWhichTableGoesAndWhenAwsWillRefuse() throws Exception {
        Files.writeString(manifest, DEPLOYED);
        String[] destroy = {"pulumi", "destroy", "-m", manifest.toString(), "--stack", STACK, "--module-dir", module.toString(), "--yes"};

        CliRun run = CliRun.of(pulumi.environment(false), destroy);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("project-planton: warning: pulumi destroy deletes table orders and all its items\n", run.err());

        Map<String, Object> inputs = new LinkedHashMap<>(plannedTable(DEPLOYED).inputs());
        inputs.put("deletionProtectionEnabled", true);
        pulumi.deployed(STACK, resource(STACK, PlannedResource.TABLE_TYPE, "orders", new Gson().toJson(inputs)));
        CliRun protectedRun = CliRun.of(pulumi.environment(false), destroy);
        assertEquals("project-planton: warning: table orders has deletion protection on, so AWS will refuse to delete it;"
                + " to delete it, set spec.deletionProtectionEnabled: false and run `project-planton pulumi update` first\n", protectedRun.err());
    }
}
