package org.project_planton.awsdynamodb.cli;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What the commands read from the process around them, passed in so tests can set it:
 * the environment variables (PATH finds {@code pulumi}; they are passed on to it) and
 * whether a person is at a terminal to answer a confirmation prompt, and its width.
 */
public record Environment(Map<String, String> variables, boolean interactive) {
    static Environment ofProcess() {
        return new Environment(System.getenv(), System.console() != null);
    }

    /** The terminal width the shell states in COLUMNS, when it does; help is wrapped to it. */
    OptionalInt columns() {
        try {
            int columns = Integer.parseInt(variables.getOrDefault("COLUMNS", "").strip());
            return columns >= 40 ? OptionalInt.of(columns) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
