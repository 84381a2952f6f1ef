package org.project_planton.awsdynamodb.manifest;

/**
 * One problem with a manifest, positioned at the YAML node it is about.
 * Line and column are 1-based; 0 means the problem has no position inside the file.
 */
public record Diagnostic(String file, int line, int column, String path, String message, String ruleId) {

    /** A path longer than this is a hostile map key; a real one (a Kubernetes label key) is far shorter. */
    private static final int PATH_LIMIT = 400;

    /**
     * {@code FILE:LINE:COL: error: path: message [rule-id]}, the format compilers and kubeconform use.
     * Always one line: whatever the file name, keys and values hold is escaped.
     */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": error: ");
        if (!path.isEmpty()) {
            out.append(Text.cut(path, PATH_LIMIT)).append(": ");
        }
        return Text.printable(out.append(message).append(" [").append(ruleId).append(']').toString());
    }
}
