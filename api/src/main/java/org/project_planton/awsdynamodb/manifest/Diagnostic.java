package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 * An {@link Severity#ERROR} makes the manifest invalid; a {@link Severity#WARNING} does not.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId, Severity severity) {
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

    /** An error. */
    public Diagnostic(String file, int line, int column, String path, String message, String ruleId) {
        this(file, line, column, path, message, ruleId, Severity.ERROR);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
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
            out.append(Text.cut(path, PATH_LIMIT)).append(": ");
        }
        return Text.printable(out.append(message).append(" [").append(ruleId).append(']').toString());
    }
}
