package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.cli.pulumi.PulumiCliStandIn;

/** Hostile input at the command line: each problem one printable line, quickly, and the run goes on where it can. */
class HostileCliInputTest {
    private static final String VALID = TestManifests.MINIMAL;
    /** A bound that catches a hang or quadratic work, loose enough for a machine shared by many builds. */
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> CliRun.of(args));
    }

    private static CliRun run(Environment environment, String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> CliRun.of(environment, args));
    }

    private static void assertPrintableLines(String text) {
        assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n'), () -> "only printable lines: " + text);
    }

    @Test
    void validateGoesOnPastAFileNestedTooDeep() throws Exception {
        Path deep = Files.writeString(dir.resolve("a-deep.yaml"), VALID.replace("spec:\n", "spec:\n  x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"));
        Path good = Files.writeString(dir.resolve("b-good.yaml"), VALID);

        CliRun run = run("validate", "-m", dir.toString());

        assertEquals(1, run.exitCode());
        assertEquals(good + ": valid\n", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(deep + ":6:"), run.err());
        assertTrue(run.err().strip().endsWith("[yaml.too_deep]"), run.err());
    }

    @Test
    void fileNamesWithNewlinesAndEscapesStayOnOneLine() throws Exception {
        Files.writeString(dir.resolve("forged\nevil.yaml:1:1: error: spec: forged [forged.rule]\n.yaml"), VALID.replace("type: S", "type: X"));
        Files.writeString(dir.resolve("valid\u001b[2J.yaml"), VALID);

        CliRun run = run("validate", "-m", dir.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of(dir + "/valid\\x1b[2J.yaml: valid"), run.out().lines().toList());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(dir + "/forged\\nevil.yaml:1:1: error: spec: forged [forged.rule]\\n.yaml:9:13: error: "), run.err());
        assertPrintableLines(run.out() + run.err());
    }

    @Test
    void brokenAndLoopingLinksInADirectoryAreReported() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        Path broken = Files.createSymbolicLink(dir.resolve("broken.yaml"), dir.resolve("gone.yaml"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        Files.createSymbolicLink(dir.resolve("to-a-dir.yaml"), Files.createDirectories(dir.resolve("sub"))); // not a manifest: skipped

        CliRun run = run("validate", "-m", dir.toString());

        assertEquals(1, run.exitCode());
        assertEquals(good + ": valid\n", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertEquals(broken + ": error: a symbolic link to a file that does not exist [file.not_found]", lines.get(0));
        assertTrue(lines.get(1).startsWith(loop + ": error: cannot read the file: ") && lines.get(1).endsWith("[file.unreadable]"), lines.get(1));
    }

    static Stream<Arguments> emptyPaths() {
        return Stream.of(
                Arguments.of((Object) new String[] {"validate", "--manifest", ""}),
                Arguments.of((Object) new String[] {"plan", "--manifest", ""}),
                Arguments.of((Object) new String[] {"plan", "--manifest", "m.yaml", "--aws-provider-config", ""}),
                Arguments.of((Object) new String[] {"local", "up", "--manifest", "m.yaml", "--data-dir", ""}));
    }

    @ParameterizedTest
    @MethodSource("emptyPaths")
    void anEmptyPathIsAUsageError(String[] args) {
        CliRun run = run(args);

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("project-planton ") && run.err().contains(": error: invalid value for option '--"), run.err());
        assertTrue(run.err().lines().findFirst().orElseThrow().endsWith(": the path is empty; name a file"), run.err());
    }

    @Test
    void aUsageErrorQuotingAnArgumentStaysOnOneLine() {
        CliRun run = run("validate", "-m", "x.yaml", "--bogus\n\u001b[31mforged");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("project-planton validate: error: unknown option '--bogus\\n\\x1b[31mforged'\n"), run.err());
        assertPrintableLines(run.err());
    }

    @Test
    void fifoManifestAndCredentialsAreRefusedAtOnce() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.yaml"), VALID);
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");

        CliRun asManifest = run("plan", "--manifest", fifo.toString());
        assertEquals(1, asManifest.exitCode());
        assertEquals(fifo + ": error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]\n", asManifest.err());

        CliRun asCredentials = run("plan", "--manifest", manifest.toString(), "--aws-provider-config", fifo.toString());
        assertEquals(1, asCredentials.exitCode());
        assertEquals(fifo + ": error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]\n", asCredentials.err());

        CliRun inValidate = run("validate", "-m", dir.toString());
        assertEquals(1, inValidate.exitCode());
        assertEquals(manifest + ": valid\n", inValidate.out());
        assertEquals(fifo + ": error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]\n", inValidate.err());
    }

    static Stream<Arguments> hostilePulumiYaml() {
        return Stream.of(
                Arguments.of("a tab", "name: awsdynamodb\nruntime:\n\tname: java\n", ":3:1: error: Pulumi.yaml is not valid YAML: ", "[yaml.syntax]"),
                Arguments.of("an unknown tag", "name: !evil awsdynamodb\nruntime: java\n", ":1:7: error: Pulumi.yaml is not valid YAML: ", "[yaml.syntax]"),
                Arguments.of("a duplicate key", "name: awsdynamodb\nname: other\nruntime: java\n", ":2:1: error: Pulumi.yaml is not valid YAML: ", "[yaml.syntax]"),
                Arguments.of("deep nesting", "name: awsdynamodb\nruntime: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n",
                        ":2:", "[yaml.too_deep]"),
                Arguments.of("a list", "- name: awsdynamodb\n", ":1:1: error: not a Pulumi project file", "[pulumi_project.shape]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePulumiYaml")
    void hostilePulumiYamlIsOneLineNamingFileAndPosition(String name, String yaml, String where, String rule) throws Exception {
        PulumiCliStandIn pulumi = new PulumiCliStandIn(dir);
        Path module = Files.createDirectories(dir.resolve("module"));
        Path projectFile = Files.writeString(module.resolve("Pulumi.yaml"), yaml);
        Path manifest = Files.writeString(dir.resolve("m.yaml"), VALID);

        CliRun run = run(pulumi.environment(false), "pulumi", "preview", "--manifest", manifest.toString(),
                "--stack", "acme/renamed/dev", "--module-dir", module.toString());

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(projectFile + where), run.err());
        assertTrue(run.err().strip().endsWith(rule), run.err());
        assertEquals(List.of(), pulumi.calls());
    }
}
