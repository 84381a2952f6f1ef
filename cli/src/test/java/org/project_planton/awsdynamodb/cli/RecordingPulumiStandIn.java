package org.project_planton.awsdynamodb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts the recording pulumi stand-in (src/test/resources/recording-pulumi-stand-in.sh) on a PATH
 * and reads back what each call recorded.
 */
final class RecordingPulumiStandIn {
    /** One recorded call of the stand-in. */
    record Call(Path directory) {
        List<String> argv() {
            return read("argv").lines().toList();
        }

        Path cwd() {
            return Path.of(read("cwd").strip());
        }

        Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            for (String entry : read("env").split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    env.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return env;
        }

        String stackInput() {
            return read("stack-input");
        }

        String stackInputMode() {
            return read("stack-input-mode").strip();
        }

        String pulumiYaml() {
            return read("Pulumi.yaml");
        }

        private String read(String name) {
            try {
                return Files.readString(directory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path bin;
    private final Path state;

    RecordingPulumiStandIn(Path root) throws IOException {
        bin = Files.createDirectories(root.resolve("bin"));
        state = Files.createDirectories(root.resolve("stand-in"));
        Path executable = bin.resolve("pulumi");
        try (InputStream script = getClass().getClassLoader().getResourceAsStream("recording-pulumi-stand-in.sh")) {
            Files.copy(script, executable);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** An environment with the stand-in first on PATH, plus {@code extra} variables. */
    Environment environment(boolean interactive, String... extra) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "PATH", bin + ":/usr/bin:/bin",
                "STAND_IN_DIR", state.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            variables.put(extra[i], extra[i + 1]);
        }
        return new Environment(variables, interactive);
    }

    void knownStacks(String... fqdns) throws IOException {
        Files.writeString(state.resolve("stacks"), String.join("\n", fqdns) + "\n");
    }

    void outputs(String json) throws IOException {
        Files.writeString(state.resolve("outputs.json"), json);
    }

    List<Call> calls() throws IOException {
        Path calls = state.resolve("calls");
        if (!Files.isDirectory(calls)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(calls)) {
            return dirs.sorted().map(Call::new).toList();
        }
    }

    List<List<String>> argvs() throws IOException {
        return calls().stream().map(Call::argv).toList();
    }

    static List<String> args(String... args) {
        return Arrays.asList(args);
    }
}
