package org.project_planton.awsdynamodb.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The user's {@code pulumi} executable, found on PATH and run in a working directory with a
 * given environment. Arguments never carry secrets: argv is visible to every user through ps.
 */
final class PulumiCli {
    static final String INSTALL_HINT = "install it from https://www.pulumi.com/docs/iac/download-install/";

    private final Path executable;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    /** Where streamed output goes when it is not the terminal itself; null: pulumi writes to the terminal. */
    private final PrintWriter out;
    private final PrintWriter err;

    private PulumiCli(Path executable, Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.executable = executable;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.out = out;
        this.err = err;
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

    /** Streamed output goes to the terminal the command runs in, so pulumi can show its live display and ask. */
    static PulumiCli of(Path executable, Path workingDirectory, Map<String, String> environment) {
        return new PulumiCli(executable, workingDirectory, environment, null, null);
    }

    /**
     * Streamed output is copied to the command's own {@code out} and {@code err} instead of the
     * terminal: for runs without a terminal (CI, tests), where it must keep its order with our own
     * lines and stay inside whatever captures them.
     */
    PulumiCli writingTo(PrintWriter out, PrintWriter err) {
        return new PulumiCli(executable, workingDirectory, environment, out, err);
    }

    /** The result of a run whose output was captured: its standard output and its standard error. */
    record Captured(int exitCode, String output, String errors) {}

    /**
     * Runs with pulumi's output captured, for commands whose answer we read. Its standard error is
     * captured too: a probe that fails on purpose (selecting a stack that does not exist yet) must
     * not print pulumi's "error:" line; a caller that reports a failure quotes it.
     */
    Captured capture(String... args) {
        Process process = start(List.of(args), ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE);
        StringBuilder errors = new StringBuilder();
        Thread stderr = pump(process.getErrorStream(), errors::append, "pulumi-stderr");
        try (InputStream stdout = process.getInputStream()) {
            String output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = ChildProcesses.waitFor(process, args[0] + (args.length > 1 && args[0].equals("stack") ? " " + args[1] : ""));
            join(stderr);
            return new Captured(exitCode, output, errors.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading pulumi's output: " + e.getMessage(), e);
        }
    }

    /**
     * Runs with pulumi's progress streaming live. On the terminal, pulumi writes there itself, except
     * that its standard output goes to {@code divert} when that is given (stdout is kept for
     * machine-readable output). Otherwise ({@link #writingTo}) its standard output is copied to our
     * {@code out}, or to {@code err} when {@code divert} is given, and its standard error to
     * {@code err}. Stdin stays the user's, for prompts.
     */
    int stream(List<String> args, OutputStream divert) {
        boolean copied = out != null;
        Process process = start(args, divert == null && !copied ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE,
                copied ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
        try {
            if (copied) {
                PrintWriter progress = divert == null ? out : err;
                Thread stderr = pump(process.getErrorStream(), text -> write(err, text), "pulumi-stderr");
                copy(process.getInputStream(), text -> write(progress, text));
                int exitCode = ChildProcesses.waitFor(process, args.get(0));
                join(stderr);
                return exitCode;
            }
            if (divert != null) {
                process.getInputStream().transferTo(divert);
                divert.flush();
            }
            return ChildProcesses.waitFor(process, args.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("reading pulumi's output: " + e.getMessage(), e);
        }
    }

    /** The writers are shared by two copying threads: each piece of text is written whole, then flushed. */
    private static void write(PrintWriter writer, String text) {
        synchronized (writer) {
            writer.print(text);
            writer.flush();
        }
    }

    /** Copies {@code in} as UTF-8 text, piece by piece as it arrives, until it ends. */
    private static void copy(InputStream in, Consumer<String> sink) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                sink.accept(new String(buffer, 0, n));
            }
        }
    }

    private static Thread pump(InputStream in, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try {
                copy(in, sink);
            } catch (IOException ignored) {
                // the process is gone; what it wrote before has been copied
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The process has exited; its other stream ends with it. */
    private static void join(Thread pump) {
        try {
            pump.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process start(List<String> args, ProcessBuilder.Redirect output, ProcessBuilder.Redirect error) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output)
                .redirectError(error);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return ChildProcesses.start(builder); // SIGINT and SIGTERM are passed on to it, and waited for
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + ": " + e.getMessage(), e);
        }
    }
}
