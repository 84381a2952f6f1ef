package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId, Severity severity) {

    /** An error stops the manifest; a warning is reported and leaves the exit status alone. */
    public enum Severity {
        ERROR, WARNING;

        /** As printed: {@code error}, {@code warning}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An error. */
    public Diagnostic(String file, int line, int column, String path, String message, String ruleId) {
        this(file, line, column, path, message, ruleId, Severity.ERROR);
    }

    /** {@code FILE:LINE:COL: error: path: message [rule-id]}, the format compilers and kubeconform use. */
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
