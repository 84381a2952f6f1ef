package org.project_planton.awsdynamodb.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The stack input, which may hold credentials, in a file only its owner can read: 0600, in a
 * 0700 directory of its own outside the module directory. It is deleted on close, and by a
 * shutdown hook when the run is interrupted.
 */
final class StackInputFile implements AutoCloseable {
    private final Path directory;
    private final Path file;
    private final Thread deleteOnExit;

    private StackInputFile(Path directory, Path file) {
        this.directory = directory;
        this.file = file;
        this.deleteOnExit = new Thread(this::delete, "delete-stack-input");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    /** Writes {@code input} as YAML (in JSON form, which every YAML parser reads). */
    static StackInputFile write(AwsDynamodbStackInput input) {
        try {
            Path directory = Files.createTempDirectory("project-planton-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = Files.createFile(directory.resolve("stack-input.yaml"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StackInputFile stackInput = new StackInputFile(directory, file);
            try {
                Files.writeString(file, JsonFormat.printer().print(input));
            } catch (IOException | RuntimeException e) {
                stackInput.close();
                throw e;
            }
            return stackInput;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot write the stack input: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack input file: " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /**
     * A path for another private file of this run (the saved preview plan, which holds the
     * stack's encrypted secrets), in the same 0700 directory and deleted with it.
     */
    Path privateFile(String name) {
        return directory.resolve(name);
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
        try {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            System.err.println("project-planton: warning: could not delete " + file + ": " + e.getMessage());
        }
    }
}
