package org.project_planton.awsdynamodb.manifest;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.project_planton.provider.aws.AwsProviderConfig;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The one way into the API: YAML in, a valid message out, or every problem as a positioned
 * {@link Diagnostic}. Every command and the Pulumi program load manifests through here.
 */
public final class Manifests {
    public static final String API_VERSION = "aws.project-planton.org/v1";
    public static final String KIND = "AwsDynamodb";
    /** Where a stack input holds its manifest, as a field path prefix. */
    static final String STACK_INPUT_TARGET = "target.";
    /** Far above any real manifest; refuses to read a wrong file, or a hostile one, into memory. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Consumer<Diagnostic> IGNORE = warning -> { };
    private static final Consumer<AwsDynamodb> NOTHING = manifest -> { };

    private Manifests() {}

    /**
     * Starts compiling the validation rules on a second thread, so that the first manifest
     * validated does not wait for all of it. For a command's first line; calling it is optional.
     */
    public static void prepareValidation() {
        CompiledRules.compileInBackground();
    }

    /** A manifest file, loaded and validated; its warnings, if any, are dropped. */
    public static AwsDynamodb loadValid(Path file) throws InvalidManifestException {
        return loadText(readText(file), file.toString(), List.of(), "", IGNORE, NOTHING).message();
    }

    /** A manifest file, loaded and validated; each warning goes to {@code warnings}. */
    public static AwsDynamodb loadValid(Path file, Consumer<Diagnostic> warnings) throws InvalidManifestException {
        return loadText(readText(file), file.toString(), List.of(), "", warnings, NOTHING).message();
    }

    /**
     * A manifest file with {@code --set path=value} assignments applied, then validated as a whole.
     * A problem with a value that came from a --set names that --set instead of a line.
     */
    public static AwsDynamodb loadValid(Path file, List<String> assignments) throws InvalidManifestException {
        return loadText(readText(file), file.toString(), assignments, "", IGNORE, NOTHING).message();
    }

    /**
     * As {@link #loadValid(Path, List)}, with each warning given to {@code warnings}. {@code providerRegion},
     * when not empty, is the Region the table is deployed to, which its replicas may not name.
     * {@code whileValidating} is given the manifest once it is read, before its validation starts:
     * work that needs the manifest, and is thrown away should it prove invalid, may start there
     * while the rules are still compiling ({@link #prepareValidation()}).
     */
    public static Loaded<AwsDynamodb> loadValid(Path file, List<String> assignments, String providerRegion, Consumer<Diagnostic> warnings,
                                                Consumer<AwsDynamodb> whileValidating) throws InvalidManifestException {
        return loadText(readText(file), file.toString(), assignments, providerRegion, warnings, whileValidating);
    }

    /**
     * As {@link #loadValid(Path, Consumer)}, but a pipe is read as well: for a file the user names
     * as one on purpose, such as bash's {@code <(git show main:orders.yaml)} given to {@code diff}.
     */
    public static Loaded<AwsDynamodb> loadValidFromFileOrPipe(Path file, Consumer<Diagnostic> warnings) throws InvalidManifestException {
        return loadText(readText(file, true), file.toString(), List.of(), "", warnings, NOTHING);
    }

    /** A valid manifest (or stack input), and whether its file spells the API's field names in camelCase, as most do. */
    public record Loaded<M extends Message>(M message, boolean camelCase) {
        /** {@code text} with the API's field names spelled as the file spells them: {@code spec.keySchema}. */
        public String spelled(String text) {
            return camelCase ? FieldNames.camelCase(text) : text;
        }
    }

    /** Manifest YAML, loaded and validated; {@code sourceName} names it in diagnostics. */
    public static AwsDynamodb loadValid(String yaml, String sourceName) throws InvalidManifestException {
        return loadText(yaml, sourceName, List.of(), "", IGNORE, NOTHING).message();
    }

    /** Manifest YAML, loaded and validated; each warning goes to {@code warnings}. */
    public static AwsDynamodb loadValid(String yaml, String sourceName, Consumer<Diagnostic> warnings) throws InvalidManifestException {
        return loadText(yaml, sourceName, List.of(), "", warnings, NOTHING).message();
    }

    private static Loaded<AwsDynamodb> loadText(String yaml, String sourceName, List<String> assignments, String providerRegion,
                                   Consumer<Diagnostic> warnings, Consumer<AwsDynamodb> whileValidating) throws InvalidManifestException {
        checkSize(yaml.length(), sourceName);
        AwsDynamodb.Builder builder = AwsDynamodb.newBuilder();
        YamlProtoReader reader = new YamlProtoReader(sourceName);
        reader.readDocument(yaml, builder);
        try {
            boolean camelCase = reader.writesCamelCase();
            return new Loaded<>(loadValid(builder, reader, assignments, providerRegion, warning -> warnings.accept(warning.spelled(camelCase)),
                    whileValidating), camelCase);
        } catch (InvalidManifestException e) {
            throw e.spelled(reader.writesCamelCase());
        }
    }

    private static AwsDynamodb loadValid(AwsDynamodb.Builder builder, YamlProtoReader reader, List<String> assignments,
                                         String providerRegion, Consumer<Diagnostic> warnings, Consumer<AwsDynamodb> whileValidating)
            throws InvalidManifestException {
        if (!reader.errors().isEmpty()) {
            // YAML of another kind, or no manifest at all (a Pulumi.yaml): one line saying so, not one
            // per field that AwsDynamodb does not have.
            if (reader.readTopLevelMapping() && builder.getKind().isEmpty() && builder.getApiVersion().isEmpty()) {
                throw InvalidManifestException.otherKind(List.of(reader.sourceMap().diagnostic("",
                        "not an " + KIND + " manifest: it has neither apiVersion nor kind", "manifest.kind")), "");
            }
            if (reader.readTopLevelMapping() && !builder.getKind().isEmpty() && !builder.getKind().equals(KIND)) {
                checkKind(builder.build(), reader, "");
            }
            throw new InvalidManifestException(reader.errors());
        }
        AwsDynamodb fromFile = builder.build();
        List<Diagnostic> problems = Overrides.apply(builder, assignments, reader.sourceMap());
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        AwsDynamodb manifest = builder.build();
        checkKind(manifest, reader, "");
        whileValidating.accept(manifest);
        List<Diagnostic> found = Validation.validate(manifest, reader.sourceMap(), providerRegion);
        if (found.stream().anyMatch(Diagnostic::isError)) {
            throw new InvalidManifestException(assignments.isEmpty() ? found : blameOverrides(found, fromFile, assignments, reader.sourceMap(), providerRegion));
        }
        found.forEach(warnings);
        return manifest;
    }

    /**
     * A problem that the file alone does not have is caused by the {@code --set} values: it is
     * reported against the first {@code --set} that brings it (found by validating the file again
     * with the assignments added one at a time), never against a line of the file.
     */
    private static List<Diagnostic> blameOverrides(List<Diagnostic> found, AwsDynamodb fromFile, List<String> assignments,
                                                   SourceMap sourceMap, String providerRegion) {
        List<Set<String>> problemsAfter = new ArrayList<>();
        for (int count = 0; count <= assignments.size(); count++) {
            AwsDynamodb.Builder partial = fromFile.toBuilder();
            Overrides.apply(partial, assignments.subList(0, count), sourceMap);
            Set<String> keys = new HashSet<>();
            Validation.validate(partial.build(), sourceMap, providerRegion).forEach(d -> keys.add(problemKey(d)));
            problemsAfter.add(keys);
        }
        List<Diagnostic> blamed = new ArrayList<>();
        for (Diagnostic d : found) {
            String key = problemKey(d);
            int cause = 0;
            while (cause <= assignments.size() && !problemsAfter.get(cause).contains(key)) {
                cause++;
            }
            boolean fromAnOverride = cause >= 1 && cause <= assignments.size() && d.line() > 0;
            blamed.add(fromAnOverride
                    ? new Diagnostic("--set " + assignments.get(cause - 1), 0, 0, d.path(), d.message(), d.ruleId(), d.severity())
                    : d);
        }
        return blamed;
    }

    private static String problemKey(Diagnostic d) {
        return d.ruleId() + " " + d.path();
    }

    /** An {@code AwsProviderConfig} file, loaded and validated. */
    public static AwsProviderConfig loadValidProviderConfig(Path file) throws InvalidManifestException {
        return loadValidProviderConfig(file, IGNORE);
    }

    /**
     * An {@code AwsProviderConfig} file, loaded and validated; a warning goes to {@code warnings}
     * when other users may read or change the file (it holds credentials: the README asks for 0600).
     */
    public static AwsProviderConfig loadValidProviderConfig(Path file, Consumer<Diagnostic> warnings) throws InvalidManifestException {
        AwsProviderConfig config = loadProviderConfig(file);
        openToOthers(file).ifPresent(mode -> warnings.accept(new Diagnostic(file.toString(), 0, 0, "",
                "the file holds AWS credentials and other users can " + mode.describe() + " it (" + mode.symbolic()
                        + "); make it yours alone: chmod 600 " + file, "provider_config.file_mode", Diagnostic.Severity.WARNING)));
        return config;
    }

    /** A file's permission bits for its group and for everyone else, when any is set. */
    private record OpenMode(Set<PosixFilePermission> permissions) {
        String describe() {
            boolean read = permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
            boolean write = permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
            return read && write ? "read and change" : read ? "read" : write ? "change" : "open";
        }

        String symbolic() {
            return PosixFilePermissions.toString(permissions);
        }
    }

    /** Empty when only the owner has access, or when the file system has no POSIX permissions (Windows). */
    private static Optional<OpenMode> openToOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean open = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
            return open ? Optional.of(new OpenMode(permissions)) : Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    private static AwsProviderConfig loadProviderConfig(Path file) throws InvalidManifestException {
        AwsProviderConfig.Builder builder = AwsProviderConfig.newBuilder();
        YamlProtoReader reader = read(readText(file), file.toString(), builder);
        return validated(builder.build(), reader, "", IGNORE);
    }

    /**
     * Stack input YAML, as ProjectPlanton writes it: {@code target} holds the manifest and
     * {@code providerConfig}, when present, the credentials. Both are validated.
     */
    public static AwsDynamodbStackInput loadValidStackInput(String yaml, String sourceName) throws InvalidManifestException {
        return loadValidStackInput(yaml, sourceName, List.of(), IGNORE).message();
    }

    /**
     * A stack input file ({@code -i}) with {@code --set} assignments applied to its target, then
     * validated as a whole, exactly as a manifest and a credentials file are. A --set path is the
     * manifest's ({@code spec.billingMode}), not the stack input's.
     */
    public static Loaded<AwsDynamodbStackInput> loadValidStackInput(Path file, List<String> assignments, Consumer<Diagnostic> warnings)
            throws InvalidManifestException {
        return loadValidStackInput(readText(file), file.toString(), assignments, warnings);
    }

    private static Loaded<AwsDynamodbStackInput> loadValidStackInput(String yaml, String sourceName, List<String> assignments,
                                                                     Consumer<Diagnostic> warnings) throws InvalidManifestException {
        checkSize(yaml.length(), sourceName);
        AwsDynamodbStackInput.Builder builder = AwsDynamodbStackInput.newBuilder();
        YamlProtoReader reader = read(yaml, sourceName, builder);
        if (!assignments.isEmpty()) {
            List<Diagnostic> problems = Overrides.apply(builder.getTargetBuilder(), STACK_INPUT_TARGET, assignments, reader.sourceMap());
            if (!problems.isEmpty()) {
                throw new InvalidManifestException(problems).spelled(reader.writesCamelCase());
            }
        }
        if (builder.hasTarget()) {
            try {
                checkKind(builder.getTarget(), reader, STACK_INPUT_TARGET);
            } catch (InvalidManifestException e) {
                throw e.spelled(reader.writesCamelCase());
            }
        }
        return new Loaded<>(validated(builder.build(), reader, "", warnings), reader.writesCamelCase());
    }

    /**
     * Reads a regular file as UTF-8 text, within {@link #MAX_BYTES}. Anything else is refused before
     * it is opened: reading a FIFO or a terminal would wait forever for a writer.
     */
    public static String readText(Path file) throws InvalidManifestException {
        return readText(file, false);
    }

    /** As {@link #readText(Path)}; with {@code pipesAllowed}, a FIFO is read too (a writer is expected). */
    private static String readText(Path file, boolean pipesAllowed) throws InvalidManifestException {
        String name = file.toString();
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); // through symbolic links
            if (!attributes.isRegularFile() && !(pipesAllowed && attributes.isOther())) {
                throw fileError(name, attributes.isDirectory() ? "is a directory, not a file"
                        : "not a regular file (a FIFO, socket or device); give a file", "file.not_regular");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw fileError(name, Files.isSymbolicLink(file) ? "a symbolic link to a file that does not exist" : "no such file",
                    "file.not_found");
        } catch (FileSystemException e) {
            // such as "Too many levels of symbolic links" (a link loop) or "Permission denied"
            throw fileError(name, "cannot read the file: " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()),
                    "file.unreadable");
        } catch (IOException e) {
            throw fileError(name, "cannot read the file: " + e.getMessage(), "file.unreadable");
        }
        checkSize(bytes.length, name);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
            throw notUtf8(name, bytes, in.position()); // the decoder stopped at the first bad byte
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static YamlProtoReader read(String yaml, String sourceName, Message.Builder builder) throws InvalidManifestException {
        YamlProtoReader reader = new YamlProtoReader(sourceName);
        reader.readDocument(yaml, builder);
        if (!reader.errors().isEmpty()) {
            throw new InvalidManifestException(reader.errors()).spelled(reader.writesCamelCase());
        }
        return reader;
    }

    /** A manifest of another kind or version is not validated field by field: nothing else would make sense. */
    private static void checkKind(AwsDynamodb resource, YamlProtoReader reader, String prefix) throws InvalidManifestException {
        List<Diagnostic> errors = new ArrayList<>();
        SourceMap sources = reader.sourceMap();
        if (!resource.getApiVersion().equals(API_VERSION)) {
            errors.add(sources.diagnostic(prefix + "api_version", resource.getApiVersion().isEmpty()
                    ? "apiVersion is missing; expected " + API_VERSION
                    : "apiVersion is " + Text.quote(resource.getApiVersion()) + "; expected " + API_VERSION, "manifest.api_version"));
        }
        if (!resource.getKind().isEmpty() && !resource.getKind().equals(KIND)) {
            throw InvalidManifestException.otherKind(List.of(sources.diagnostic(prefix + "kind",
                    "kind is " + Text.quote(resource.getKind()) + "; this tool deploys " + KIND, "manifest.kind")), resource.getKind());
        }
        if (resource.getKind().isEmpty()) {
            errors.add(sources.diagnostic(prefix + "kind", "kind is missing; expected " + KIND, "manifest.kind"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidManifestException(errors);
        }
    }

    /** Errors throw, with the warnings beside them; warnings alone go to {@code warnings}. */
    private static <M extends Message> M validated(M message, YamlProtoReader reader, String providerRegion,
                                                   Consumer<Diagnostic> warnings) throws InvalidManifestException {
        boolean camelCase = reader.writesCamelCase();
        List<Diagnostic> problems = Validation.validate(message, reader.sourceMap(), providerRegion).stream()
                .map(d -> d.spelled(camelCase)).toList();
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            throw new InvalidManifestException(problems);
        }
        problems.forEach(warnings);
        return message;
    }

    private static void checkSize(int size, String name) throws InvalidManifestException {
        if (size > MAX_BYTES) {
            throw fileError(name, "the input is larger than " + (MAX_BYTES >> 10) + " KiB; a manifest is far smaller", "file.too_large");
        }
    }

    /** Names the line and column of the first byte that is not UTF-8, at {@code offset}. */
    private static InvalidManifestException notUtf8(String name, byte[] bytes, int offset) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = 1 + before.length() - (before.lastIndexOf('\n') + 1);
        return new InvalidManifestException(List.of(new Diagnostic(name, line, column, "",
                String.format("the file is not UTF-8 text (byte 0x%02X)", bytes[offset] & 0xFF), "file.not_utf8")));
    }

    private static InvalidManifestException fileError(String name, String message, String ruleId) {
        return new InvalidManifestException(List.of(new Diagnostic(name, 0, 0, "", message, ruleId)));
    }
}
