package org.project_planton.awsdynamodb.manifest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A manifest that failed to load or validate. The message is every diagnostic, one per line. */
public final class InvalidManifestException extends Exception {
    private final List<Diagnostic> diagnostics;
    private final String otherKind;

    public InvalidManifestException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    private InvalidManifestException(List<Diagnostic> diagnostics, String otherKind) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
        this.otherKind = otherKind;
    }

    /** The file is YAML but not an AwsDynamodb manifest: of {@code kind}, or (when empty) not a manifest at all. */
    static InvalidManifestException otherKind(List<Diagnostic> diagnostics, String kind) {
        return new InvalidManifestException(diagnostics, kind);
    }

    /** The same problems, shown with camelCase field names when {@code camelCase}. */
    InvalidManifestException spelled(boolean camelCase) {
        return new InvalidManifestException(diagnostics.stream().map(d -> d.spelled(camelCase)).toList(), otherKind);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Present when the file is not an AwsDynamodb manifest: the {@code kind} it declares, or empty
     * when it has neither apiVersion nor kind (a Pulumi.yaml, a CI workflow, a stack input file).
     */
    public Optional<String> otherKind() {
        return Optional.ofNullable(otherKind);
    }
}
