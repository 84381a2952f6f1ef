package org.project_planton.awsdynamodb.manifest;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a loaded message came from: field path (proto names, as protovalidate
 * prints them, e.g. {@code spec.key_schema[1].key_type}) to the 1-based line and column of its value.
 */
public final class SourceMap {
    /** A 1-based line and column. */
    public record Position(int line, int column) {}

    private final String file;
    /** Sized for a manifest's hundred or so paths without rehashing. */
    private final Map<String, Position> positions = new HashMap<>(256);
    /** Paths whose value came from a --set on the command line, to the label of that --set. */
    private final Map<String, String> overrides = new HashMap<>();

    SourceMap(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    void put(String path, Position position) {
        positions.putIfAbsent(path, position);
    }

    void override(String path, String label) {
        overrides.put(path, label);
    }

    public boolean contains(String path) {
        return positions.containsKey(path) || overrideOf(path) != null;
    }

    /** The position of {@code path}, or of its nearest ancestor that the file has. */
    public Position locate(String path) {
        for (String p = path; ; p = parent(p)) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
        }
    }

    /** A diagnostic at {@code path}, or at its nearest ancestor that the file has. */
    public Diagnostic diagnostic(String path, String message, String ruleId) {
        return diagnostic(path, message, ruleId, Diagnostic.Severity.ERROR);
    }

    /** A diagnostic of the given severity at {@code path}, or at its nearest ancestor that the file has. */
    public Diagnostic diagnostic(String path, String message, String ruleId, Diagnostic.Severity severity) {
        String override = overrideOf(path);
        if (override != null) {
            return new Diagnostic(override, 0, 0, path, message, ruleId, severity);
        }
        Position at = locate(path);
        return new Diagnostic(file, at.line(), at.column(), path, message, ruleId, severity);
    }

    /** The --set that gave {@code path} or one of its ancestors its value, if any. */
    private String overrideOf(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            String label = overrides.get(p);
            if (label != null) {
                return label;
            }
        }
        return null;
    }

    static String parent(String path) {
        int cut = path.endsWith("\"]") ? path.lastIndexOf("[\"") : Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
