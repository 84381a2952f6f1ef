package org.project_planton.awsdynamodb.cli.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn.args;

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
import org.project_planton.awsdynamodb.cli.TestManifests;
import org.project_planton.awsdynamodb.cli.CliRun;

/**
 * pulumi init, delete and cancel, as ProjectPlanton's CLI has them, against the pulumi CLI
 * stand-in (which answers stack init, stack rm and cancel as pkg/cmd/pulumi does).
 */
@Timeout(120)
class PulumiStackCommandsTest {
    private static final String STACK = "acme/awsdynamodb/dev";
    private static final String TABLE = "{\"urn\": \"urn:pulumi:dev::awsdynamodb::aws:dynamodb/table:Table::orders\", \"custom\": true,"
            + " \"type\": \"aws:dynamodb/table:Table\", \"inputs\": {}, \"outputs\": {}}";
    private static final String ROOT = "{\"urn\": \"urn:pulumi:dev::awsdynamodb::pulumi:pulumi:Stack::awsdynamodb-dev\","
            + " \"custom\": false, \"type\": \"pulumi:pulumi:Stack\"}";

    @TempDir
    Path root;
    PulumiCliStandIn pulumi;
    Path module;
    Path manifest;

    @BeforeEach
    void setUp() throws IOException {
        pulumi = new PulumiCliStandIn(root);
        module = Files.createDirectories(root.resolve("module"));
        Files.writeString(module.resolve("Pulumi.yaml"), "name: awsdynamodb\nruntime: java\n");
        manifest = Files.writeString(root.resolve("orders.yaml"), TestManifests.withMetadata("""
                  labels:
                    pulumi.project-planton.org/stack.fqdn: acme/awsdynamodb/dev
                """));
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("pulumi"));
        all.addAll(List.of(args));
        all.addAll(List.of("-f", manifest.toString(), "--module-dir", module.toString()));
        return CliRun.of(pulumi.environment(false), all.toArray(String[]::new));
    }

    @Test
    void initCreatesTheStackOnlyAndLeavesAnExistingOneAlone() throws IOException {
        CliRun first = run("init");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(pulumi.exists(STACK));
        assertEquals(List.of(args("stack", "select", "--stack", STACK), args("stack", "init", "--stack", STACK)), pulumi.argvs());
        assertEquals("Created stack '" + STACK + "'\n", first.out());

        CliRun second = run("init");

        assertEquals(0, second.exitCode(), second.err());
        assertEquals("project-planton: stack " + STACK + " already exists; nothing to do\n", second.out());
        assertEquals(3, pulumi.argvs().size(), "no second stack init: " + pulumi.argvs());
    }

    @Test
    void aStackInputNamesTheStackToo() throws IOException {
        Path input = Files.writeString(root.resolve("input.yaml"), "target:\n" + Files.readString(manifest).indent(2));
        CliRun run = CliRun.of(pulumi.environment(false), "pulumi", "init", "-i", input.toString(), "--module-dir", module.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(pulumi.exists(STACK));
    }

    @Test
    void anInvalidManifestNeverReachesPulumi() throws IOException {
        Files.writeString(manifest, Files.readString(manifest).replace("name: orders", "name: ab"));
        for (List<String> command : List.of(List.of("init"), List.of("delete", "--yes"), List.of("cancel", "--yes"))) {
            CliRun run = run(command.toArray(String[]::new));
            assertEquals(1, run.exitCode(), command.toString());
            assertTrue(run.err().contains("[table_name.format]"), run.err());
        }
        assertEquals(List.of(), pulumi.argvs());
    }

    @Test
    void deleteRemovesAStackThatHoldsNoResources() throws IOException {
        pulumi.deployed(STACK, ROOT);

        CliRun run = run("delete", "--yes");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(pulumi.exists(STACK));
        assertEquals(args("stack", "rm", "--stack", STACK, "--yes", "--non-interactive"), pulumi.argvs().get(pulumi.argvs().size() - 1));
        assertTrue(run.out().contains("Stack '" + STACK + "' has been removed!"), run.out());
    }

    @Test
    void deleteRefusesWhileTheTableIsStillInTheStack() throws IOException {
        pulumi.deployed(STACK, ROOT, TABLE);

        CliRun run = run("delete", "--yes");

        assertEquals(1, run.exitCode());
        assertEquals("project-planton: error: stack " + STACK + " still has 1 resource: aws:dynamodb/table:Table orders;"
                + " run 'project-planton pulumi destroy' first to delete them, or pass --force to remove the stack and leave them"
                + " in AWS; nothing was changed\n", run.err());
        assertTrue(pulumi.exists(STACK));
        assertTrue(pulumi.argvs().stream().noneMatch(argv -> argv.contains("rm")), "stack rm ran: " + pulumi.argvs());
    }

    @Test
    void deleteWithForceRemovesTheStackAndSaysWhatIsLeftInAws() throws IOException {
        pulumi.deployed(STACK, ROOT, TABLE);

        CliRun run = run("rm", "--yes", "--force");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(pulumi.exists(STACK));
        assertTrue(run.err().contains("warning: --force: aws:dynamodb/table:Table orders stay in AWS"), run.err());
        assertEquals(args("stack", "rm", "--stack", STACK, "--yes", "--force", "--non-interactive"), pulumi.argvs().get(pulumi.argvs().size() - 1));
    }

    @Test
    void pulumisOwnRefusalIsReportedInItsWords() throws Exception {
        // The stand-in, called as pulumi would be: stack rm without --force on a stack with a table.
        pulumi.deployed(STACK, ROOT, TABLE);
        Files.writeString(module.resolve("Pulumi.dev.yaml"), "config: {}\n");
        StandInRun rm = standIn("stack", "rm", "--stack", STACK, "--yes");

        assertEquals(255, rm.exitCode());
        assertEquals("error: '" + STACK + "' still has resources; removal rejected. Possible actions:\n"
                + "- Make sure that '" + STACK + "' is the stack that you want to destroy\n"
                + "- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n"
                + "- Run `pulumi stack rm --force` to override this error\n", rm.err());
        assertEquals("error: non-interactive mode requires --yes flag\n", standIn("stack", "rm", "--stack", STACK, "--non-interactive").err());
        assertTrue(pulumi.exists(STACK));

        StandInRun forced = standIn("stack", "rm", STACK, "--force", "-y");
        assertEquals(0, forced.exitCode(), forced.err());
        assertFalse(pulumi.exists(STACK));
        assertFalse(Files.exists(module.resolve("Pulumi.dev.yaml")), "stack rm removes the stack's config file");
    }

    @Test
    void deleteAndCancelNeedYesWithoutATerminal() throws IOException {
        pulumi.knownStacks(STACK);
        for (String command : List.of("delete", "cancel")) {
            CliRun run = run(command);
            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("without --yes: there is no terminal to confirm on; nothing was changed"), run.err());
        }
        assertEquals(List.of(), pulumi.argvs());
        assertTrue(pulumi.exists(STACK));
    }

    @Test
    void onATerminalPulumiAsksItself() throws IOException {
        pulumi.deployed(STACK, ROOT);
        List<String> all = List.of("pulumi", "delete", "-f", manifest.toString(), "--module-dir", module.toString());
        Path terminal = root.resolve("terminal.txt");
        CliRun run = CliRun.of(pulumi.environment(true, "STAND_IN_TERMINAL", terminal.toString()), all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(args("stack", "rm", "--stack", STACK), pulumi.argvs().get(pulumi.argvs().size() - 1));
        assertFalse(pulumi.exists(STACK));
        assertEquals("Stack '" + STACK + "' has been removed!\n", Files.readString(terminal), "pulumi wrote on the terminal itself");
    }

    @Test
    void cancelUnlocksAStackThatACrashedUpdateLeftLocked() throws IOException {
        pulumi.knownStacks(STACK);
        pulumi.lock(STACK, "created by ci@runner-7 (pid 4242) at 2026-11-25T10:00:00Z");

        CliRun blocked = run("update", "--yes");
        assertEquals(1, blocked.exitCode());
        assertTrue(blocked.err().contains("the stack is currently locked by 1 lock(s)"), blocked.err());
        assertTrue(blocked.err().contains("`pulumi cancel`"), blocked.err());

        CliRun cancel = run("cancel", "--yes");

        assertEquals(0, cancel.exitCode(), cancel.err());
        assertFalse(pulumi.locked(STACK));
        assertEquals(args("cancel", "--stack", STACK, "--yes", "--non-interactive"), pulumi.argvs().get(pulumi.argvs().size() - 1));
        assertTrue(cancel.out().contains("The currently running update for 'dev' has been canceled!"), cancel.out());
        CliRun update = run("update", "--yes");
        assertEquals(0, update.exitCode(), update.err());
    }

    @Test
    void cancelOfAStackThatDoesNotExistIsPulumisError() {
        CliRun run = run("cancel", "--yes");
        assertEquals(1, run.exitCode());
        // pulumi's stderr as it printed it, then one line of ours.
        assertEquals("error: no stack named '" + STACK + "' found\n"
                + "project-planton: error: pulumi cancel failed (exit code 255): no stack named '" + STACK + "' found\n", run.err());
    }

    @Test
    void withoutPulumiOnPathOneLineSaysSo() {
        CliRun run = CliRun.of(CliRun.BARE, "pulumi", "init", "-f", manifest.toString(), "--module-dir", module.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("project-planton: error: pulumi is not on PATH; "), run.err());
    }

    @Test
    void theSubcommandsAreListed() {
        CliRun help = CliRun.of("pulumi", "--help");
        for (String command : List.of("init ", "delete (rm) ", "cancel ")) {
            assertTrue(help.out().contains("\n  " + command), help.out());
        }
    }

    private record StandInRun(int exitCode, String out, String err) {}

    /** The stand-in run directly in the module directory, as pulumi would be run by hand. */
    private StandInRun standIn(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/pulumi").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile());
        builder.environment().clear();
        Map<String, String> env = pulumi.environment(false).variables();
        builder.environment().putAll(env);
        Path err = Files.createTempFile(root, "err", ".txt");
        builder.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new StandInRun(process.exitValue(), out, Files.readString(err));
    }
}
