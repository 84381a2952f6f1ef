package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A 0700 directory of this run in the temp directory, for files that may hold secrets (the stack
 * input) or that pulumi runs in (the project copy). It is deleted on close, and by a shutdown
 * hook, after any running pulumi has exited, when the run is stopped.
 *
 * <p>Its name carries the creating process's id and start time, {@code project-planton-KIND-PID-START-RANDOM}:
 * a run killed with SIGKILL leaves its directory behind, and the next run deletes such a directory
 * once it has checked that it is a directory (not a link) owned by this user, and that no process
 * with that id and start time still runs.
 */
final class PrivateDirectory implements AutoCloseable {
    private static final String PREFIX = "project-planton-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(stack-input|pulumi)-(\\d+)-(\\d+)-.+");
    private static final ProcessHandle SELF = ProcessHandle.current();
    private static boolean staleRemoved;

    private final Path path;
    private final Thread deleteOnExit;

    private PrivateDirectory(Path path) {
        this.path = path;
        this.deleteOnExit = new Thread(() -> {
            ChildProcesses.awaitAll(); // pulumi may still be reading what is in here
            delete();
        }, "delete-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    /** A new private directory of {@code kind} ("stack-input" or "pulumi"), after removing stale ones of killed runs. */
    static PrivateDirectory create(String kind) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        synchronized (PrivateDirectory.class) {
            if (!staleRemoved) {
                staleRemoved = true;
                removeStale(temp);
            }
        }
        try {
            return new PrivateDirectory(Files.createTempDirectory(temp, PREFIX + kind + "-" + SELF.pid() + "-" + startMillis(SELF) + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory in " + temp + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(deleteOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; it deletes the same files
        }
    }

    private void delete() {
        deleteTree(path);
    }

    /** Deletes {@code directory} and what it holds; a symbolic link inside is deleted, never followed. */
    private static void deleteTree(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path entry : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("project-planton: warning: could not delete " + directory + ": " + e.getMessage());
        }
    }

    /** Deletes the private directories in {@code temp} of this user's runs that were killed before they could. */
    static void removeStale(Path temp) {
        String user = System.getProperty("user.name");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isDirectory() && Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS).getName().equals(user)
                        && creatorIsGone(Long.parseLong(name.group(2)), Long.parseLong(name.group(3)))) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a temp directory we cannot list: nothing of ours to clean there
        }
    }

    /** No process with this id runs, or the one that does started at another time (the id was reused). */
    static boolean creatorIsGone(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        long started = startMillis(process.get());
        return started != 0 && startMillis != 0 && Math.abs(started - startMillis) > 1_000;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
