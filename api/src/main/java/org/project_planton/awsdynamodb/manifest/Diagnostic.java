package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 * An {@link Severity#ERROR} makes the manifest invalid; a {@link Severity#WARNING} does not.
 *
 * <p>{@code path} and {@code message} name fields in snake_case, as the proto does (so rules and
 * tests match them whatever the file's spelling). {@code camelCase} says the file writes its field
 * names in camelCase; then {@link #format()} shows them that way ({@link #shownPath()},
 * {@link #shownMessage()}), so the user reads the names they wrote.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId, Severity severity,
                         boolean camelCase) {
    /** A path longer than this is a hostile map key; a real one (a Kubernetes label key) is far shorter. */
    private static final int PATH_LIMIT = 400;

    /** How bad a diagnostic is, spelled as compilers spell it. */
    public enum Severity {
        ERROR("error"), WARNING("warning");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An error, shown as the proto spells field names. */
    public Diagnostic(String file, int line, int column, String path, String message, String ruleId) {
        this(file, line, column, path, message, ruleId, Severity.ERROR);
    }

    /** A diagnostic shown as the proto spells field names. */
    public Diagnostic(String file, int line, int column, String path, String message, String ruleId, Severity severity) {
        this(file, line, column, path, message, ruleId, severity, false);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This diagnostic, shown with camelCase field names when {@code camelCase}. */
    public Diagnostic spelled(boolean camelCase) {
        return new Diagnostic(file, line, column, path, message, ruleId, severity, camelCase);
    }

    /** The path as the user's file spells it: {@code spec.globalSecondaryIndexes[0]} for a camelCase file. */
    public String shownPath() {
        return camelCase ? FieldNames.camelCase(path) : path;
    }

    /** The message with field names spelled as the user's file spells them. */
    public String shownMessage() {
        return camelCase ? FieldNames.camelCase(message) : message;
    }

    /**
     * {@code FILE:LINE:COL: error: path: message [rule-id]} (or {@code warning:}), the format compilers
     * and kubeconform use. Always one line: whatever the file name, keys and values hold is escaped.
     */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ").append(severity.label()).append(": ");
        if (!path.isEmpty()) {
            out.append(Text.cut(shownPath(), PATH_LIMIT)).append(": ");
        }
        return Text.printable(out.append(shownMessage()).append(" [").append(ruleId).append(']').toString());
    }
}
