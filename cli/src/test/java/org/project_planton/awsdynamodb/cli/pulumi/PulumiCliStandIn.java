package org.project_planton.awsdynamodb.cli.pulumi;

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
import org.project_planton.awsdynamodb.cli.Environment;

/**
 * Puts the pulumi CLI stand-in (src/test/resources/pulumi-cli-stand-in.sh, which says what it
 * copies from pulumi's source) on a PATH, scripts what it answers, and reads back what each call
 * recorded.
 */
public final class PulumiCliStandIn {
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

        /** The real path of the stack config file pulumi would read for this call. */
        Path stackConfig() {
            return Path.of(read("stack-config").strip());
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

    public PulumiCliStandIn(Path root) throws IOException {
        bin = Files.createDirectories(root.resolve("bin"));
        state = Files.createDirectories(root.resolve("stand-in"));
        Path executable = bin.resolve("pulumi");
        try (InputStream script = getClass().getClassLoader().getResourceAsStream("pulumi-cli-stand-in.sh")) {
            Files.copy(script, executable);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** An environment with the stand-in first on PATH, plus {@code extra} variables. */
    public Environment environment(boolean interactive, String... extra) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "PATH", bin + ":/usr/bin:/bin",
                "STAND_IN_DIR", state.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            variables.put(extra[i], extra[i + 1]);
        }
        return new Environment(variables, interactive);
    }

    /** Stacks that exist already, as if created before. */
    void knownStacks(String... fqdns) throws IOException {
        for (String fqdn : fqdns) {
            Files.createDirectories(state.resolve("stacks").resolve(fqdn));
        }
    }

    /** A lock file on the stack, as a crashed update leaves it behind; {@code holder} says who took it. */
    void lock(String fqdn, String holder) throws IOException {
        Path locks = Files.createDirectories(state.resolve("stacks").resolve(fqdn).resolve("locks"));
        Files.writeString(locks.resolve("lock.json"), holder);
    }

    boolean exists(String fqdn) {
        return Files.isDirectory(state.resolve("stacks").resolve(fqdn));
    }

    boolean locked(String fqdn) throws IOException {
        Path locks = state.resolve("stacks").resolve(fqdn).resolve("locks");
        if (!Files.isDirectory(locks)) {
            return false;
        }
        try (Stream<Path> files = Files.list(locks)) {
            return files.findAny().isPresent();
        }
    }

    /** What the stack's state holds: the resources stack export prints (each a JSON object). */
    void deployed(String fqdn, String... resources) throws IOException {
        Path stack = Files.createDirectories(state.resolve("stacks").resolve(fqdn));
        Files.writeString(stack.resolve("state.json"), "{\"manifest\": {\"version\": \"v3.225.0\"}, \"resources\": ["
                + String.join(", ", resources) + "]}");
    }

    /** A resource of the stack's state (apitype.ResourceV3) with the given type, name and inputs (JSON). */
    static String resource(String fqdn, String type, String name, String inputsJson) {
        return "{\"urn\": \"" + urn(fqdn, type, name) + "\", \"custom\": true, \"type\": \"" + type
                + "\", \"inputs\": " + inputsJson + ", \"outputs\": {}}";
    }

    static String urn(String fqdn, String type, String name) {
        String[] parts = fqdn.split("/");
        return "urn:pulumi:" + parts[2] + "::" + parts[1] + "::" + type + "::" + name;
    }

    /** The steps pulumi preview --json prints, as the engine would plan them (display.PreviewStep objects). */
    void previewSteps(String... steps) throws IOException {
        Files.writeString(state.resolve("preview-steps.json"), "[" + String.join(", ", steps) + "]");
    }

    static String step(String op, String urn, String... replaceReasons) {
        return "{\"op\": \"" + op + "\", \"urn\": \"" + urn + "\", \"detailedDiff\": null"
                + (replaceReasons.length == 0 ? "" : ", \"replaceReasons\": [\"" + String.join("\", \"", replaceReasons) + "\"]") + "}";
    }

    /** Makes an operation (preview, up, refresh, destroy) fail with {@code message} on stderr. */
    void fail(String operation, String message) throws IOException {
        Files.writeString(state.resolve("fail-" + operation), message);
    }

    void outputs(String json) throws IOException {
        Files.writeString(state.resolve("outputs.json"), json);
    }

    public List<Call> calls() throws IOException {
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
