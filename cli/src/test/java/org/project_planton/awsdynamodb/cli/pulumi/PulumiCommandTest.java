package org.project_planton.awsdynamodb.cli.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn.args;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.awsdynamodb.cli.TestManifests;
import org.project_planton.awsdynamodb.cli.CliRun;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** `project-planton pulumi ...` against a recording stand-in for the pulumi CLI, at the process boundary. */
class PulumiCommandTest {
    private static final String STACK = "acme/awsdynamodb/dev";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path root;
    PulumiCliStandIn pulumi;
    Path module;
    Path manifest;
    Path credentials;

    @BeforeEach
    void setUp() throws Exception {
        pulumi = new PulumiCliStandIn(root);
        module = Files.createDirectories(root.resolve("module"));
        Files.writeString(module.resolve("Pulumi.yaml"), """
                name: awsdynamodb
                runtime:
                  name: java
                  options:
                    binary: target/awsdynamodb-pulumi.jar
                """);
        manifest = Files.writeString(root.resolve("manifest.yaml"), TestManifests.MINIMAL);
        credentials = Files.writeString(root.resolve("aws.yaml"), """
                accountId: "123456789012"
                accessKeyId: %s
                secretAccessKey: %s
                region: eu-west-1
                """.formatted(ACCESS_KEY, SECRET_KEY));
    }

    private CliRun run(String... args) {
        return CliRun.of(pulumi.environment(false), args);
    }

    /** The argv of the pulumi operations, leaving out the reading calls (stack select, config, export, output). */
    private List<List<String>> operations() throws IOException {
        return pulumi.argvs().stream().filter(argv -> List.of("preview", "up", "refresh", "destroy").contains(argv.get(0))).toList();
    }

    /** The last call of a pulumi command, such as "up". */
    private PulumiCliStandIn.Call last(String command) throws IOException {
        List<PulumiCliStandIn.Call> calls = pulumi.calls().stream().filter(c -> c.argv().get(0).equals(command)).toList();
        assertFalse(calls.isEmpty(), "no pulumi " + command + " in " + pulumi.argvs());
        return calls.get(calls.size() - 1);
    }

    private String[] operation(String verb, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("pulumi", verb, "--manifest", manifest.toString(),
                "--stack", STACK, "--module-dir", module.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void previewSelectsOrCreatesTheStackInOneStepThenPreviewsInTheModuleDirectory() throws Exception {
        CliRun run = run(operation("preview"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                args("stack", "select", "--create", "--stack", STACK),
                args("config", "--json", "--open", "--stack", STACK),
                args("stack", "export", "--stack", STACK),
                args("preview", "--stack", STACK, "--non-interactive")), pulumi.argvs());
        for (PulumiCliStandIn.Call call : pulumi.calls()) {
            assertEquals(module.toRealPath(), call.cwd());
        }
        assertTrue(Files.readString(module.resolve("Pulumi.dev.yaml")).startsWith("encryptionsalt: "), "the stack was created");
    }

    @Test
    void previewIsNeverGivenYesWhichItDoesNotHave() throws Exception {
        pulumi.knownStacks(STACK);

        CliRun run = run(operation("preview", "--yes", "--diff"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(args("preview", "--stack", STACK, "--diff", "--non-interactive")), operations());
    }

    @Test
    void eachOperationMapsToItsPulumiCommand() throws Exception {
        pulumi.knownStacks(STACK);
        assertEquals(0, run(operation("update", "--yes")).exitCode());
        assertEquals(0, run(operation("refresh", "--yes")).exitCode());
        assertEquals(0, run(operation("destroy", "--yes")).exitCode());

        List<List<String>> operations = operations();
        String plan = operations.get(1).get(6);
        assertEquals(args("preview", "--stack", STACK, "--json", "--save-plan", plan, "--non-interactive"), operations.get(0));
        assertEquals(List.of(
                args("up", "--stack", STACK, "--yes", "--non-interactive", "--plan", plan),
                args("refresh", "--stack", STACK, "--yes", "--non-interactive"),
                args("destroy", "--stack", STACK, "--yes", "--non-interactive")), operations.subList(1, 4));
    }

    @Test
    void changesWithoutYesAndWithoutATerminalAreRefusedBeforePulumiRuns() throws Exception {
        for (String verb : List.of("update", "refresh", "destroy")) {
            CliRun run = run(operation(verb));

            assertEquals(1, run.exitCode(), verb);
            assertTrue(run.err().contains("without --yes: there is no terminal to confirm on"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        assertEquals(List.of(), pulumi.calls());
    }

    @Test
    void onATerminalWithoutYesPulumiAsksTheUserItself() throws Exception {
        pulumi.knownStacks(STACK);
        Path terminal = root.resolve("terminal");
        CliRun run = CliRun.of(pulumi.environment(true, "STAND_IN_TERMINAL", terminal.toString()), operation("update"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Updating (" + STACK + ")\n", Files.readString(terminal), "pulumi had the terminal");
        assertEquals(args("up", "--stack", STACK, "--plan", last("up").argv().get(4)), last("up").argv());
    }

    @Test
    void credentialsReachPulumiOnlyThroughAPrivateFileThatIsGoneAfterwards() throws Exception {
        CliRun run = run(operation("update", "--yes", "--aws-provider-config", credentials.toString()));

        assertEquals(0, run.exitCode(), run.err());
        List<PulumiCliStandIn.Call> calls = pulumi.calls();
        for (PulumiCliStandIn.Call call : calls) {
            String argv = String.join(" ", call.argv());
            assertFalse(argv.contains(SECRET_KEY) || argv.contains(ACCESS_KEY), argv);
            assertFalse(call.env().values().stream().anyMatch(v -> v.contains(SECRET_KEY)), "secret in the environment");
            assertEquals("600", call.stackInputMode());
        }
        PulumiCliStandIn.Call up = last("up");
        Path stackInputFile = Path.of(up.env().get("STACK_INPUT_YAML_FILE"));
        assertFalse(stackInputFile.startsWith(module), "stack input inside the module directory");
        AwsDynamodbStackInput input = Manifests.loadValidStackInput(up.stackInput(), "recorded");
        assertEquals(SECRET_KEY, input.getProviderConfig().getSecretAccessKey());
        assertEquals("orders", input.getTarget().getMetadata().getName());
        assertFalse(Files.exists(stackInputFile));
        assertFalse(Files.exists(stackInputFile.getParent()));
        assertFalse(run.out().contains(SECRET_KEY) || run.err().contains(SECRET_KEY));
    }

    @Test
    void aFailedOperationIsExitOneAndStillDeletesTheStackInput() throws Exception {
        pulumi.fail("up", "update failed");

        CliRun run = run(operation("update", "--yes"));

        assertEquals(1, run.exitCode());
        assertEquals("error: update failed\nproject-planton: error: pulumi up failed (exit code 255): update failed\n", run.err());
        Path stackInputFile = Path.of(last("up").env().get("STACK_INPUT_YAML_FILE"));
        assertFalse(Files.exists(stackInputFile));
        assertFalse(Files.exists(stackInputFile.getParent()), "the saved plan goes with the stack input");
    }

    @Test
    void aStackInputOfTheUsersOwnIsNotPassedOn() throws Exception {
        CliRun run = CliRun.of(pulumi.environment(false, "STACK_INPUT_YAML", "target: {}"), operation("preview"));

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(pulumi.calls().get(0).env().containsKey("STACK_INPUT_YAML"));
    }

    @Test
    void outputsAreReadBackAfterAnUpdate() throws Exception {
        pulumi.outputs("""
                {"table_name": "orders", "table_arn": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                 "table_id": "orders", "aws_region": "eu-west-1", "something_else": 1}
                """);

        CliRun text = run(operation("update", "--yes"));
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(args("stack", "output", "--json", "--stack", STACK), pulumi.argvs().get(pulumi.argvs().size() - 1));
        assertEquals("""
                Updating (acme/awsdynamodb/dev)
                table_name: orders
                table_arn: arn:aws:dynamodb:eu-west-1:123456789012:table/orders
                table_id: orders
                aws_region: eu-west-1
                """, text.out(), "pulumi's progress, then the outputs");

        CliRun json = run(operation("refresh", "--yes", "-o", "json"));
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("eu-west-1", JsonParser.parseString(json.out()).getAsJsonObject().get("aws_region").getAsString());
        assertEquals("Refreshing (acme/awsdynamodb/dev)\n", json.err(), "with -o json, pulumi's progress goes to stderr");
    }

    @Test
    void manifestLabelsWinOverTheStackFlag() throws Exception {
        Files.writeString(manifest, TestManifests.withMetadata("""
                  labels:
                    pulumi.project-planton.org/stack.fqdn: acme/awsdynamodb/prod
                """));
        assertEquals(0, run(operation("preview")).exitCode());
        assertEquals(args("preview", "--stack", "acme/awsdynamodb/prod", "--non-interactive"), last("preview").argv());

        Files.writeString(manifest, TestManifests.withMetadata("""
                  labels:
                    pulumi.project-planton.org/organization: acme
                    pulumi.project-planton.org/project: awsdynamodb
                    pulumi.project-planton.org/stack.name: staging
                """));
        assertEquals(0, run(operation("preview")).exitCode());
        assertEquals(args("preview", "--stack", "acme/awsdynamodb/staging", "--non-interactive"), last("preview").argv());
    }

    @Test
    void aMalformedOrMissingStackIsAClearError() throws Exception {
        CliRun malformed = run("pulumi", "preview", "-m", manifest.toString(), "--stack", "acme//dev", "--module-dir", module.toString());
        assertEquals(2, malformed.exitCode());
        assertEquals("project-planton pulumi preview: error: invalid value for option '--stack': 'acme//dev' is not"
                + " organization/project/stack, three non-empty parts\nRun 'project-planton pulumi preview --help' for usage.\n",
                malformed.err());

        CliRun missing = run("pulumi", "preview", "-m", manifest.toString(), "--module-dir", module.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("project-planton: error: no Pulumi stack given"), missing.err());
        assertEquals(List.of(), pulumi.calls());
    }

    /** The README's example: a stack.name label (here by --set) replaces the stack part of --stack. */
    @Test
    void aStackNameLabelReplacesTheStackPartOfTheFlag() throws Exception {
        String label = "metadata.labels.pulumi.project-planton.org/stack.name=prod";
        CliRun run = run("pulumi", "preview", "-m", manifest.toString(), "--stack", "acme/awsdynamodb/dev",
                "--module-dir", module.toString(), "--set", label);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(args("preview", "--stack", "acme/awsdynamodb/prod", "--non-interactive"), last("preview").argv());

        CliRun alone = run("pulumi", "preview", "-m", manifest.toString(), "--module-dir", module.toString(), "--set", label);
        assertEquals(1, alone.exitCode());
        assertEquals("project-planton: error: the Pulumi stack is incomplete: the organization (label pulumi.project-planton.org/organization)"
                + " and the project (label pulumi.project-planton.org/project) are not given; set those labels (for example with"
                + " --set metadata.labels.<label>=VALUE), or pass --stack organization/project/stack, whose parts the labels override\n",
                alone.err());
    }

    @Test
    void setOverridesAreTypedByTheirField() throws Exception {
        CliRun run = run(operation("preview",
                "--set", "spec.billingMode=PROVISIONED",
                "--set", "spec.provisioned_throughput={readCapacityUnits: 3, writeCapacityUnits: 4}",
                "--set", "spec.deletionProtectionEnabled=true",
                "--set", "metadata.labels.team=payments"));

        assertEquals(0, run.exitCode(), run.err());
        AwsDynamodbStackInput input = Manifests.loadValidStackInput(last("preview").stackInput(), "recorded");
        assertEquals(BillingMode.PROVISIONED, input.getTarget().getSpec().getBillingMode());
        assertEquals(3, input.getTarget().getSpec().getProvisionedThroughput().getReadCapacityUnits());
        assertEquals(4, input.getTarget().getSpec().getProvisionedThroughput().getWriteCapacityUnits());
        assertTrue(input.getTarget().getSpec().getDeletionProtectionEnabled());
        assertEquals("payments", input.getTarget().getMetadata().getLabelsOrThrow("team"));
    }

    @Test
    void aBadSetIsAClearErrorAndNothingRuns() throws Exception {
        CliRun run = run(operation("preview", "--set", "spec.streamEnabled=maybe"));

        assertEquals(1, run.exitCode());
        assertEquals("--set spec.streamEnabled=maybe: error: spec.streamEnabled: expected true or false, got 'maybe' [yaml.type]\n", run.err());
        assertEquals(List.of(), pulumi.calls());
    }

    @Test
    void anInvalidManifestNeverReachesPulumi() throws Exception {
        Files.writeString(manifest, TestManifests.MINIMAL.replace("PAY_PER_REQUEST", "PROVISIONED"));

        CliRun run = run(operation("update", "--yes"));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(manifest + ":6:16: error: spec.billingMode"), run.err());
        assertEquals(List.of(), pulumi.calls());
    }

    @Test
    void withoutPulumiOnPathOneLinePointsToInstallAndPlan() {
        CliRun run = CliRun.of(CliRun.BARE, operation("preview"));

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("pulumi is not on PATH") && run.err().contains("project-planton plan"), run.err());
    }

    @Test
    void aDifferentProjectNameRunsInACopyAndLeavesPulumiYamlUntouched() throws Exception {
        String original = Files.readString(module.resolve("Pulumi.yaml"));
        String stack = "acme/orders-service/dev";

        CliRun run = run("pulumi", "preview", "-m", manifest.toString(), "--stack", stack, "--module-dir", module.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(original, Files.readString(module.resolve("Pulumi.yaml")));
        PulumiCliStandIn.Call preview = last("preview");
        assertFalse(preview.cwd().startsWith(module.toRealPath()));
        String shimProject = preview.pulumiYaml();
        assertTrue(shimProject.contains("name: orders-service"), shimProject);
        assertTrue(shimProject.contains("main: " + module.toAbsolutePath()), shimProject);
        assertTrue(shimProject.contains("binary: " + module.toAbsolutePath().resolve("target/awsdynamodb-pulumi.jar")), shimProject);
        assertFalse(Files.exists(preview.cwd()), "the project copy is deleted after the run");
    }

    @Test
    void stacksThatDifferOnlyInTheirProjectNeverShareAConfigFile() throws Exception {
        for (String stack : List.of("acme/shop/dev", "acme/billing/dev", STACK)) {
            CliRun run = run("pulumi", "preview", "-m", manifest.toString(), "--stack", stack, "--module-dir", module.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        List<PulumiCliStandIn.Call> previews = pulumi.calls().stream().filter(c -> c.argv().get(0).equals("preview")).toList();
        Path real = module.toRealPath();
        List<Path> files = List.of(real.resolve("stacks/shop/Pulumi.dev.yaml"), real.resolve("stacks/billing/Pulumi.dev.yaml"),
                real.resolve("Pulumi.dev.yaml"));
        assertEquals(files, previews.stream().map(PulumiCliStandIn.Call::stackConfig).toList());
        List<String> salts = new java.util.ArrayList<>();
        for (Path file : files) {
            salts.add(Files.readString(file));
        }
        assertEquals(3, salts.stream().distinct().count(), "each stack has its own encryption salt: " + salts);
    }

    @Test
    void aStackInputKeyInTheStackConfigIsRefusedBeforeAnythingRuns() throws Exception {
        pulumi.knownStacks(STACK);
        Files.writeString(module.resolve("Pulumi.dev.yaml"), """
                config:
                  aws:region: eu-west-1
                  planton-cloud:stack-input: "target: {metadata: {name: other}}"
                """);

        for (String verb : List.of("preview", "update")) {
            CliRun run = run(operation(verb, "--yes"));

            assertEquals(1, run.exitCode(), verb);
            assertEquals("project-planton: error: stack " + STACK + " sets the config key planton-cloud:stack-input, which the program"
                    + " would deploy instead of the validated manifest; remove it with `pulumi config rm planton-cloud:stack-input --stack "
                    + STACK + "`; nothing was changed\n", run.err());
        }
        assertEquals(List.of(), operations());
    }

    @Test
    void pulumisOwnErrorTextIsReported() throws Exception {
        pulumi.fail("stack-select", "PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions");

        CliRun run = run(operation("preview"));

        assertEquals(1, run.exitCode());
        assertEquals("project-planton: error: pulumi stack select --create " + STACK + " failed (exit code 255):"
                + " PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n", run.err());
    }

    @Test
    void theNewerExitCodesAreReportedToo() throws Exception {
        pulumi.knownStacks(STACK);
        pulumi.fail("refresh", "refresh failed");

        CliRun run = CliRun.of(pulumi.environment(false, "STAND_IN_EXIT_CODES", "taxonomy"), operation("refresh", "--yes"));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().endsWith("project-planton: error: pulumi refresh failed (exit code 1): refresh failed\n"), run.err());
    }
}
