package org.project_planton.awsdynamodb.cli.change;

import java.util.List;

/**
 * A change refused because it would replace or delete the table. The command line prints one
 * error line per cause, as the change classifier (or the engine) words it, then the message.
 */
public final class ReplacementRefused extends RuntimeException {
    private final List<String> causes;

    public ReplacementRefused(List<String> causes, String message) {
        super(message);
        this.causes = List.copyOf(causes);
    }

    public List<String> causes() {
        return causes;
    }
}
