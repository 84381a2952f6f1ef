package org.project_planton.awsdynamodb.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The manifests under {@code src/test/resources/manifests}, and how each one is loaded.
 * A file under a {@code provider-config} directory is an AwsProviderConfig, one under
 * {@code stack-input} a stack input, and any other file an AwsDynamodb manifest.
 */
final class Cases {
    static final Path ROOT = Path.of("src/test/resources/manifests");

    private Cases() {}

    /** Every case file under {@code manifests/<dir>}, in name order. */
    static Stream<Path> files(String dir) throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    /** Loads {@code file} the way its directory says; returns the loaded message. */
    static Object load(Path file) throws InvalidManifestException {
        return load(file, warning -> { });
    }

    /** As {@link #load(Path)}; an AwsDynamodb manifest's warnings go to {@code warnings}. */
    static Object load(Path file, Consumer<Diagnostic> warnings) throws InvalidManifestException {
        String parent = file.getParent().getFileName().toString();
        return switch (parent) {
            case "provider-config" -> Manifests.loadValidProviderConfig(file);
            case "stack-input" -> Manifests.loadValidStackInput(Manifests.readText(file), file.toString());
            default -> Manifests.loadValid(file, warnings);
        };
    }

    /** The diagnostics that loading throws with; empty when loading succeeds. */
    static List<Diagnostic> diagnostics(Loader loader) {
        try {
            loader.load();
            return List.of();
        } catch (InvalidManifestException e) {
            return e.diagnostics();
        }
    }

    interface Loader {
        void load() throws InvalidManifestException;
    }
}
