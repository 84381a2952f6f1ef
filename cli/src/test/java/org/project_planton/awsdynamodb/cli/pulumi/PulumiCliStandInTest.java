package org.project_planton.awsdynamodb.cli.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in answers as the pulumi CLI does (see pulumi-cli-stand-in.sh for the source it follows). */
@Timeout(60)
class PulumiCliStandInTest {
    private static final String STACK = "acme/awsdynamodb/dev";

    @TempDir
    Path root;
    PulumiCliStandIn standIn;
    Path project;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        standIn = new PulumiCliStandIn(root);
        project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("Pulumi.yaml"), "name: awsdynamodb\nruntime: java\n");
    }

    private Result pulumi(Map<String, String> extraEnvironment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/pulumi").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().putAll(standIn.environment(false).variables());
        builder.environment().putAll(extraEnvironment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), out, err);
    }

    private Result pulumi(String... args) throws Exception {
        return pulumi(Map.of(), args);
    }

    @Test
    void previewHasNoYesFlag() throws Exception {
        standIn.knownStacks(STACK);

        Result result = pulumi("preview", "--stack", STACK, "--yes");

        assertEquals(255, result.exitCode());
        assertEquals("error: unknown flag: --yes\n", result.err());
        assertEquals("", result.out());
        assertEquals(0, pulumi("up", "--stack", STACK, "--yes").exitCode());
    }

    @Test
    void changesWithoutYesFailWhenNotInteractive() throws Exception {
        standIn.knownStacks(STACK);
        String message = "error: --yes or --skip-preview or --preview-only must be passed in to proceed when running in non-interactive mode\n";

        for (String operation : List.of("up", "refresh", "destroy")) {
            Result result = pulumi(operation, "--stack", STACK);
            assertEquals(255, result.exitCode(), operation);
            assertEquals(message, result.err(), operation);
        }
        assertEquals(0, pulumi("refresh", "--stack", STACK, "--preview-only").exitCode());
        assertEquals(0, pulumi("destroy", "--stack", STACK, "--skip-preview").exitCode());
        Path terminal = root.resolve("terminal");
        assertEquals(0, pulumi(Map.of("STAND_IN_TERMINAL", terminal.toString()), "up", "--stack", STACK).exitCode());
        assertEquals("Updating (" + STACK + ")\n", Files.readString(terminal));
        assertEquals(255, pulumi(Map.of("STAND_IN_TERMINAL", terminal.toString()), "up", "--stack", STACK, "--non-interactive").exitCode());
    }

    @Test
    void aStackMustExistUnlessSelectCreatesIt() throws Exception {
        Result missing = pulumi("preview", "--stack", STACK);
        assertEquals(255, missing.exitCode());
        assertEquals("error: no stack named '" + STACK + "' found\n", missing.err());
        assertEquals(255, pulumi("stack", "select", "--stack", STACK).exitCode());

        assertEquals(0, pulumi("stack", "select", "--create", "--stack", STACK).exitCode());
        assertEquals(0, pulumi("stack", "select", "--stack", STACK).exitCode());
        assertEquals(0, pulumi("preview", "--stack", STACK).exitCode());
        assertTrue(Files.readString(project.resolve("Pulumi.dev.yaml")).startsWith("encryptionsalt: v1:"));
        assertEquals("error: stack '" + STACK + "' already exists\n", pulumi("stack", "init", "--stack", STACK).err());
    }

    @Test
    void newerPulumiExitsWithItsTaxonomy() throws Exception {
        Map<String, String> taxonomy = Map.of("STAND_IN_EXIT_CODES", "taxonomy");
        assertEquals(6, pulumi(taxonomy, "preview", "--stack", STACK).exitCode(), "stack not found");
        standIn.knownStacks(STACK);
        assertEquals(2, pulumi(taxonomy, "up", "--stack", STACK).exitCode(), "no confirmation");
        assertEquals(1, pulumi(taxonomy, "refresh", "--stack", STACK).exitCode(), "refresh words it with errors.New");
        assertEquals(1, pulumi(taxonomy, "preview", "--stack", STACK, "--yes").exitCode(), "unknown flag");
    }

    @Test
    void previewJsonAndTheSavedPlanThatUpReads() throws Exception {
        standIn.knownStacks(STACK);
        String urn = PulumiCliStandIn.urn(STACK, "aws:dynamodb/table:Table", "orders");
        standIn.previewSteps(PulumiCliStandIn.step("replace", urn, "hashKey"));
        Path plan = root.resolve("plan.json");

        Result preview = pulumi("preview", "--stack", STACK, "--json", "--save-plan", plan.toString());

        assertEquals(0, preview.exitCode(), preview.err());
        var digest = JsonParser.parseString(preview.out()).getAsJsonObject();
        assertEquals("replace", digest.getAsJsonArray("steps").get(0).getAsJsonObject().get("op").getAsString());
        assertEquals(0, pulumi("up", "--stack", STACK, "--yes", "--plan", plan.toString()).exitCode());
        Result noPlan = pulumi("up", "--stack", STACK, "--yes", "--plan", root.resolve("nothing.json").toString());
        assertEquals(255, noPlan.exitCode());
        assertTrue(noPlan.err().startsWith("error: open "), noPlan.err());
    }

    @Test
    void stackExportPrintsTheState() throws Exception {
        standIn.deployed(STACK, PulumiCliStandIn.resource(STACK, "aws:dynamodb/table:Table", "orders", "{\"name\": \"orders\"}"));

        Result export = pulumi("stack", "export", "--stack", STACK);

        assertEquals(0, export.exitCode(), export.err());
        var deployment = JsonParser.parseString(export.out()).getAsJsonObject();
        assertEquals(3, deployment.get("version").getAsInt());
        assertEquals("orders", deployment.getAsJsonObject("deployment").getAsJsonArray("resources").get(0).getAsJsonObject()
                .getAsJsonObject("inputs").get("name").getAsString());
    }
}
