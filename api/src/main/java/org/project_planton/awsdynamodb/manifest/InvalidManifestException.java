package org.project_planton.awsdynamodb.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest that failed to load or validate. The message is every diagnostic, one per line. */
public final class InvalidManifestException extends Exception {
    private final List<Diagnostic> diagnostics;

    public InvalidManifestException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
