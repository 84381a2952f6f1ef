package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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

    /**
     * pulumi asks on the terminal; without one, the user's --yes is the answer, and without it
     * nothing runs. {@code note} says more about the missing terminal, or is empty.
     */
    static void requireConfirmation(boolean yes, boolean interactive, String what, String note) {
        if (!yes && !interactive) {
            throw new IllegalArgumentException("refusing to run pulumi " + what + " without --yes: there is no terminal to confirm on"
                    + note + "; nothing was changed");
        }
    }

    /** {@code pulumi} on the PATH of {@code environment}; without it, one line saying what to do. */
    static Path require(Map<String, String> environment) {
        return locate(environment).orElseThrow(() -> new IllegalArgumentException("pulumi is not on PATH; " + INSTALL_HINT
                + ", or run 'project-planton plan' for an offline look at what would be deployed"));
    }

    static PulumiCli of(Path executable, Path workingDirectory, Map<String, String> environment) {
        return new PulumiCli(executable, workingDirectory, environment);
    }

    /** What a run printed on stdout and stderr, and its exit code. */
    record Captured(int exitCode, String output, String errors) {
        boolean ok() {
            return exitCode == 0;
        }

        /** Throws, with pulumi's own error text, when the run failed; returns this otherwise. */
        Captured orFail(String what) {
            if (!ok()) {
                throw new IllegalArgumentException(failure(what, exitCode, errors));
            }
            return this;
        }
    }

    /** Runs with stdout and stderr captured, for commands whose answer we read. */
    Captured capture(String... args) {
        Process process = start(List.of(args), ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE);
        StringBuilder errors = new StringBuilder();
        Thread stderr = pump(process.getErrorStream(), null, errors);
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = ChildProcesses.waitFor(process, args[0] + (args.length > 1 && args[0].equals("stack") ? " " + args[1] : ""));
            stderr.join();
            return new Captured(exitCode, output, errors.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading pulumi's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading pulumi's output", e);
        }
    }

    /**
     * Runs with pulumi's progress streaming live. On a terminal, pulumi gets the user's terminal
     * (stdin, stdout and stderr) so that it can ask for confirmation itself. Otherwise its stdout
     * is copied to {@code out} and its stderr to {@code err}, and the stderr is kept for the error
     * message when the run fails.
     */
    Captured stream(List<String> args, boolean onTerminal, PrintWriter out, PrintWriter err) {
        ProcessBuilder.Redirect redirect = onTerminal ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE;
        Process process = start(args, redirect, redirect);
        try {
            StringBuilder errors = new StringBuilder();
            if (!onTerminal) {
                Thread stderr = pump(process.getErrorStream(), err, errors);
                pump(process.getInputStream(), out, null).join();
                stderr.join();
            }
            return new Captured(ChildProcesses.waitFor(process, args.get(0)), "", errors.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while pulumi was running", e);
        }
    }

    /**
     * "pulumi WHAT failed (exit code N): MESSAGE", with pulumi's own words: its "error: " lines
     * (cmdutil.DisplayErrorMessage), else the last line it printed on stderr.
     */
    private static String failure(String what, int exitCode, String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).map(l -> l.substring("error: ".length())).toList();
        String message = !errors.isEmpty() ? String.join("; ", errors) : lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return "pulumi " + what + " failed (exit code " + exitCode + ")" + (message.isEmpty() ? "" : ": " + message);
    }

    /** Copies a child's stream line by line to {@code to} (if any) and into {@code keep} (if any), on its own thread. */
    private static Thread pump(InputStream from, PrintWriter to, StringBuilder keep) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (to != null) {
                        to.println(line);
                        to.flush();
                    }
                    if (keep != null) {
                        synchronized (keep) {
                            keep.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // the child went away; what it printed so far has been copied
            }
        }, "pulumi-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Process start(List<String> args, ProcessBuilder.Redirect output, ProcessBuilder.Redirect errors) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output)
                .redirectError(errors);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return ChildProcesses.start(builder); // SIGINT and SIGTERM are passed on to it, and waited for
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + ": " + e.getMessage(), e);
        }
    }
}
