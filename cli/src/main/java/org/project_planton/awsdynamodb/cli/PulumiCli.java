package org.project_planton.awsdynamodb.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's {@code pulumi} executable, found on PATH and run in a working directory with a
 * given environment. Arguments never carry secrets: argv is visible to every user through ps.
 */
final class PulumiCli {
    static final String INSTALL_HINT = "install it from https://www.pulumi.com/docs/iac/download-install/";

    private final Path executable;
    private final Path workingDirectory;
    private final Map<String, String> environment;

    private PulumiCli(Path executable, Path workingDirectory, Map<String, String> environment) {
        this.executable = executable;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
    }

    /** {@code pulumi} on the PATH of {@code environment}, if there is one. */
    static Optional<Path> locate(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "pulumi");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static PulumiCli of(Path executable, Path workingDirectory, Map<String, String> environment) {
        return new PulumiCli(executable, workingDirectory, environment);
    }

    /** The result of a run whose output was captured. */
    record Captured(int exitCode, String output) {}

    /** Runs with pulumi's output captured, for commands whose answer we read. */
    Captured capture(String... args) {
        Process process = start(List.of(args), ProcessBuilder.Redirect.PIPE);
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return new Captured(ChildProcesses.waitFor(process, args[0] + (args.length > 1 && args[0].equals("stack") ? " " + args[1] : "")), output);
        } catch (IOException e) {
            throw new UncheckedIOException("reading pulumi's output: " + e.getMessage(), e);
        }
    }

    /**
     * Runs with pulumi's progress streaming live: to our stdout, or copied to {@code divert}
     * when stdout is kept for machine-readable output. Stdin stays the user's, for prompts.
     */
    int stream(List<String> args, OutputStream divert) {
        Process process = start(args, divert == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        try {
            if (divert != null) {
                process.getInputStream().transferTo(divert);
                divert.flush();
            }
            return ChildProcesses.waitFor(process, args.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("reading pulumi's output: " + e.getMessage(), e);
        }
    }

    private Process start(List<String> args, ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return ChildProcesses.start(builder); // SIGINT and SIGTERM are passed on to it, and waited for
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + ": " + e.getMessage(), e);
        }
    }
}
