package org.project_planton.awsdynamodb.cli.pulumi;

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
 * {@link PrivateDirectory} of its own outside the module directory. It is deleted on close, and
 * when the run is stopped, only after pulumi has exited.
 */
final class StackInputFile implements AutoCloseable {
    private final PrivateDirectory directory;
    private final Path file;

    private StackInputFile(PrivateDirectory directory, Path file) {
        this.directory = directory;
        this.file = file;
    }

    /** Writes {@code input} as YAML (in JSON form, which every YAML parser reads). */
    static StackInputFile write(AwsDynamodbStackInput input) {
        PrivateDirectory directory = PrivateDirectory.create("stack-input");
        try {
            Path file = Files.createFile(directory.path().resolve("stack-input.yaml"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, JsonFormat.printer().print(input));
            return new StackInputFile(directory, file);
        } catch (InvalidProtocolBufferException e) {
            directory.close();
            throw new IllegalStateException("cannot write the stack input: " + e.getMessage(), e);
        } catch (IOException e) {
            directory.close();
            throw new UncheckedIOException("cannot write the stack input file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
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
        return directory.path().resolve(name);
    }

    @Override
    public void close() {
        directory.close();
    }
}
