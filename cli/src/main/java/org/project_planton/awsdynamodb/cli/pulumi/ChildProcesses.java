package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The pulumi processes this run starts, and what SIGINT and SIGTERM do while one runs.
 *
 * <p>The JVM's own answer to either signal is to exit at once, deleting the stack input under a
 * pulumi that is still reading it and leaving pulumi running as an orphan. Instead, once a child
 * has been started: a signal is passed on to the running child (pulumi cancels cleanly on the
 * first SIGINT or SIGTERM and terminates on the second, pkg/backend/cancellation_scope.go in
 * pulumi/pulumi), this process waits for it to exit, and no further child is started; the run then
 * fails with one line and its private files are deleted on the way out. A signal while no child
 * runs exits as the JVM would (128 + the signal's number), running the shutdown hooks.
 *
 * <p>A SIGINT is not passed on when this process is in the foreground of a terminal: the terminal
 * sent Ctrl-C to the whole foreground process group, pulumi included, and a second SIGINT would make
 * pulumi terminate instead of cancelling.
 */
final class ChildProcesses {
    private static final Object LOCK = new Object();
    private static final List<Process> running = new ArrayList<>();
    private static boolean installed;
    /** The signal that stopped this run, such as "SIGTERM"; null until one arrives. */
    private static String stoppedBy;

    private ChildProcesses() {}

    /** Starts {@code builder}'s process, unless a signal has already stopped this run. */
    static Process start(ProcessBuilder builder) throws IOException {
        synchronized (LOCK) {
            if (stoppedBy != null) {
                throw new IllegalStateException(stoppedBy + " received; not starting " + builder.command().get(0));
            }
            install();
            Process process = builder.start();
            running.add(process);
            return process;
        }
    }

    /**
     * Waits for {@code process} to exit and returns its exit code. When a signal arrived meanwhile,
     * throws instead: the run is over, and the caller's {@code finally} blocks clean up after pulumi.
     */
    static int waitFor(Process process, String what) {
        try {
            int exitCode = process.waitFor();
            synchronized (LOCK) {
                running.remove(process);
                if (stoppedBy != null) {
                    throw new IllegalStateException(stoppedBy + " received; passed it to pulumi " + what
                            + ", which stopped with exit code " + exitCode);
                }
            }
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while pulumi " + what + " was running", e);
        }
    }

    /** Waits for every child still running; shutdown hooks call it before they delete what the children read. */
    static void awaitAll() {
        List<Process> children;
        synchronized (LOCK) {
            children = List.copyOf(running);
        }
        for (Process child : children) {
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), ChildProcesses::onSignal);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM runs with -Xrs, or the signal is reserved: its default stays
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::awaitAll, "wait-for-pulumi"));
    }

    private static void onSignal(Signal signal) {
        List<Process> children;
        synchronized (LOCK) {
            if (stoppedBy == null) {
                stoppedBy = "SIG" + signal.getName();
            }
            running.removeIf(p -> !p.isAlive());
            children = List.copyOf(running);
        }
        if (children.isEmpty()) {
            System.exit(128 + signal.getNumber()); // what the JVM does without this handler
            return;
        }
        if (signal.getName().equals("INT") && inTerminalForeground()) {
            System.err.println("project-planton: SIGINT received; waiting for pulumi to stop (it got the Ctrl-C too)");
            return;
        }
        System.err.println("project-planton: SIG" + signal.getName() + " received; passed it to pulumi, waiting for it to stop");
        for (Process child : children) {
            send(signal.getName(), child);
        }
    }

    /** Sends SIGname to {@code child}: Java can only send SIGTERM and SIGKILL itself. */
    private static void send(String name, Process child) {
        String kill = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "kill";
        try {
            Process sender = new ProcessBuilder(kill, "-s", name, Long.toString(child.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (sender.waitFor(5, TimeUnit.SECONDS) && sender.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (name.equals("TERM")) {
            child.destroy(); // SIGTERM
        }
    }

    /**
     * Whether this process is in the foreground process group of its controlling terminal (Linux:
     * pgrp and tpgid in /proc/self/stat), where a Ctrl-C reaches the children too.
     */
    static boolean inTerminalForeground() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // state ppid pgrp session tty_nr tpgid
            return !fields[4].equals("0") && fields[2].equals(fields[5]);
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: pass the signal on
        }
    }
}
