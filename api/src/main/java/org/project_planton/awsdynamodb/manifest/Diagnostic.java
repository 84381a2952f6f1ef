package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId) {

    /** {@code FILE:LINE:COL: error: path: message [rule-id]}, the format compilers and kubeconform use. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": error: ");
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).append(" [").append(ruleId).append(']').toString();
    }
}
