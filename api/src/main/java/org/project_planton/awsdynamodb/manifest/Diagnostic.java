package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 * An {@link Severity#ERROR} makes the manifest invalid; a {@link Severity#WARNING} does not.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId, Severity severity) {

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

    /** {@code FILE:LINE:COL: error: path: message [rule-id]} (or {@code warning:}), the format compilers and kubeconform use. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ").append(severity.label()).append(": ");
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).append(" [").append(ruleId).append(']').toString();
    }
}
