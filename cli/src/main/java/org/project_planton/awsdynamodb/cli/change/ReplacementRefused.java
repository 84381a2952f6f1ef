package org.project_planton.awsdynamodb.cli.change;

import java.util.List;
import java.util.function.UnaryOperator;

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

    /** This refusal with the field names in its causes spelled by {@code spelling}, as the manifest spells them. */
    public ReplacementRefused spelled(UnaryOperator<String> spelling) {
        return new ReplacementRefused(causes.stream().map(spelling).toList(), getMessage());
    }
}
