package org.project_planton.awsdynamodb.cli.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.cli.ProjectPlanton;
import org.project_planton.awsdynamodb.cli.TestManifests;

/**
 * Signals to project-planton while pulumi runs, at the process boundary: project-planton runs in
 * its own JVM, pulumi is the slow stand-in (src/test/resources/slow-pulumi-stand-in.sh), and the
 * signal goes to project-planton's process alone, as {@code kill PID} sends it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PulumiSignalsTest {
    private static final String MANIFEST = TestManifests.MINIMAL;
    /** Another project than Pulumi.yaml's, so that pulumi runs in a private copy of the project, which must go too. */
    private static final String STACK = "acme/renamed/dev";

    @TempDir
    Path root;
    Path bin;
    Path state;
    Path temp;
    Path module;
    Path manifest;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectories(root.resolve("bin"));
        state = Files.createDirectories(root.resolve("stand-in"));
        temp = Files.createDirectories(root.resolve("tmp"));
        module = Files.createDirectories(root.resolve("module"));
        Files.writeString(module.resolve("Pulumi.yaml"), "name: awsdynamodb\nruntime:\n  name: java\n");
        manifest = Files.writeString(root.resolve("manifest.yaml"), MANIFEST);
        Path executable = bin.resolve("pulumi");
        try (InputStream script = getClass().getClassLoader().getResourceAsStream("slow-pulumi-stand-in.sh")) {
            Files.copy(script, executable);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopLeftovers() throws IOException {
        for (Process process : started) {
            process.destroyForcibly();
        }
        standInPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** project-planton in a JVM of its own, in a session of its own (no terminal), with the stand-in first on PATH. */
    private Process projectPlanton(String slowCommand, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ProjectPlanton.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(root.resolve("out.txt").toFile())
                .redirectError(root.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("STAND_IN_DIR", state.toString());
        env.put("STAND_IN_SLOW", slowCommand);
        env.remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String[] preview() {
        return new String[] {"pulumi", "preview", "--manifest", manifest.toString(), "--stack", STACK, "--module-dir", module.toString()};
    }

    private String[] update() {
        return new String[] {"pulumi", "update", "--yes", "--manifest", manifest.toString(), "--stack", STACK, "--module-dir", module.toString()};
    }

    /** Waits until the stand-in's slow command is waiting; returns its pid. */
    private long awaitSlowCommand(Process projectPlanton) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            var pid = standInPid();
            if (pid.isPresent()) {
                return pid.get();
            }
            if (!projectPlanton.isAlive()) {
                fail("project-planton exited before pulumi started: " + Files.readString(root.resolve("err.txt")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the stand-in's slow command never started: " + Files.readString(root.resolve("err.txt")));
    }

    private java.util.Optional<Long> standInPid() throws IOException {
        Path started = state.resolve("started");
        return Files.exists(started) ? java.util.Optional.of(Long.parseLong(Files.readString(started).strip())) : java.util.Optional.empty();
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -s " + name);
    }

    private String read(String name) throws IOException {
        Path file = state.resolve(name);
        return Files.exists(file) ? Files.readString(file).strip() : "(none)";
    }

    static Stream<Arguments> signalsDuringEachPulumiCommand() {
        return Stream.of(
                Arguments.of("TERM", "preview", "preview"),
                Arguments.of("INT", "preview", "preview"),
                Arguments.of("TERM", "stack select", "preview"),
                Arguments.of("INT", "stack select", "preview"),
                Arguments.of("TERM", "stack output", "update"));
    }

    @ParameterizedTest(name = "SIG{0} during pulumi {1}")
    @MethodSource("signalsDuringEachPulumiCommand")
    void aSignalIsPassedToPulumiWaitedForAndNothingIsLeftBehind(String signal, String slowCommand, String operation) throws Exception {
        Process projectPlanton = projectPlanton(slowCommand, operation.equals("update") ? update() : preview());
        long pulumi = awaitSlowCommand(projectPlanton);
        assertEquals(2, Files.list(temp).count(), "the stack input and the project copy exist while pulumi runs");

        signal(projectPlanton, signal);

        assertTrue(projectPlanton.waitFor(60, TimeUnit.SECONDS), "project-planton exits once pulumi has");
        String err = Files.readString(root.resolve("err.txt"));
        assertEquals(signal, read("signals"), "pulumi received the signal, once: " + err);
        assertEquals("present", read("input-at-signal"), "the stack input existed when the signal came");
        assertEquals("present", read("input-at-exit"), "the stack input existed until pulumi exited");
        assertFalse(ProcessHandle.of(pulumi).map(ProcessHandle::isAlive).orElse(false), "pulumi is not left running");
        assertEquals(1, projectPlanton.exitValue(), err);
        assertEquals(List.of(
                "project-planton: SIG" + signal + " received; passed it to pulumi, waiting for it to stop",
                "project-planton: error: SIG" + signal + " received; passed it to pulumi " + slowCommand + ", which stopped with exit code 255"),
                err.lines().filter(l -> l.startsWith("project-planton")).toList());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "no private directory is left behind");
        }
    }

    @Test
    void aKilledRunsStackInputIsRemovedByTheNextRun() throws Exception {
        Process killed = projectPlanton("preview", preview());
        long pulumi = awaitSlowCommand(killed);
        killed.destroyForcibly(); // SIGKILL: no handler, no shutdown hook runs
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        ProcessHandle.of(pulumi).ifPresent(ProcessHandle::destroyForcibly); // the orphan a SIGKILL leaves
        List<Path> leftBehind;
        try (Stream<Path> left = Files.list(temp)) {
            leftBehind = left.toList();
        }
        assertEquals(2, leftBehind.size(), "a SIGKILL leaves the private directories: " + leftBehind);
        Files.delete(state.resolve("started"));

        Process next = projectPlanton("none", preview());
        assertTrue(next.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue(), Files.readString(root.resolve("err.txt")));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the next run removed the killed run's directories, and its own");
        }
    }

    @Test
    void onlyDirectoriesOfThisUserWhoseCreatorIsGoneAreRemoved() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        Process exited = new ProcessBuilder("true").start();
        assertTrue(exited.waitFor(10, TimeUnit.SECONDS));
        Path dead = Files.createDirectories(temp.resolve("project-planton-stack-input-" + exited.pid() + "-" + selfStart + "-1"));
        Files.writeString(dead.resolve("stack-input.yaml"), "{}");
        Path reused = Files.createDirectories(temp.resolve("project-planton-pulumi-" + self.pid() + "-" + (selfStart - 60_000) + "-2"));
        Path alive = Files.createDirectories(temp.resolve("project-planton-stack-input-" + self.pid() + "-" + selfStart + "-3"));
        Path target = Files.createDirectories(root.resolve("not-ours"));
        Files.writeString(target.resolve("keep.txt"), "keep");
        Path link = Files.createSymbolicLink(temp.resolve("project-planton-stack-input-" + exited.pid() + "-" + selfStart + "-4"), target);
        Path file = Files.writeString(temp.resolve("project-planton-stack-input-" + exited.pid() + "-" + selfStart + "-5"), "a file");
        Path oldStyle = Files.createDirectories(temp.resolve("project-planton-12345"));

        PrivateDirectory.removeStale(temp);

        assertFalse(Files.exists(dead), "its creator has exited");
        assertFalse(Files.exists(reused), "its creator's pid now belongs to a process started at another time");
        assertTrue(Files.exists(alive), "its creator still runs");
        assertTrue(Files.isSymbolicLink(link) && Files.exists(target.resolve("keep.txt")), "a link is never followed or removed");
        assertTrue(Files.exists(file), "not a directory");
        assertTrue(Files.exists(oldStyle), "a name that does not say who created it");
    }
}
