package org.project_planton.awsdynamodb.cli;

import com.google.gson.GsonBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.project_planton.awsdynamodb.manifest.Diagnostic;

/**
 * validate's results for machines, in the order the files were given: {@code -o json} (one object
 * per file) and {@code -o sarif} (SARIF 2.1.0, for GitHub code scanning and other CI tools).
 */
final class DiagnosticReport {
    static final String TOOL_NAME = "project-planton";
    /** The OASIS SARIF 2.1.0 schema, as GitHub's documentation names it. */
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** GitHub code scanning resolves a uriBaseId of %SRCROOT% against the repository checkout. */
    private static final String SOURCE_ROOT = "%SRCROOT%";

    /** One file's verdict: valid when it has no error. */
    record FileResult(Path file, List<Diagnostic> diagnostics) {
        boolean valid() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    private DiagnosticReport() {}

    /** {@code [{"path", "valid", "diagnostics": [{"line", "column", "field", "ruleId", "severity", "message"}]}]}. */
    static String json(List<FileResult> results) {
        List<Object> files = new ArrayList<>();
        for (FileResult result : results) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", result.file().toString());
            file.put("valid", result.valid());
            file.put("diagnostics", result.diagnostics().stream().map(d -> {
                Map<String, Object> diagnostic = new LinkedHashMap<>();
                diagnostic.put("line", d.line());
                diagnostic.put("column", d.column());
                diagnostic.put("field", d.shownPath()); // as the file spells it, as the text output does
                diagnostic.put("ruleId", d.ruleId());
                diagnostic.put("severity", d.severity().label());
                diagnostic.put("message", d.shownMessage());
                return diagnostic;
            }).toList());
            files.add(file);
        }
        return write(files);
    }

    /**
     * One SARIF run: the tool with the rules that fired, and one result per diagnostic, located at
     * its file (relative to {@code %SRCROOT%}, the working directory, when it lies below it) and
     * its line and column. Columns count Unicode code points, as the YAML reader does.
     */
    static String sarif(List<FileResult> results, String toolVersion, Path workingDirectory) {
        List<String> ruleIds = results.stream().flatMap(r -> r.diagnostics().stream()).map(Diagnostic::ruleId)
                .distinct().sorted().toList();
        List<Object> sarifResults = new ArrayList<>();
        for (FileResult result : results) {
            for (Diagnostic d : result.diagnostics()) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", artifactLocation(result.file(), workingDirectory));
                if (d.line() > 0) {
                    physical.put("region", object("startLine", d.line(), "startColumn", Math.max(1, d.column())));
                }
                Map<String, Object> sarifResult = new LinkedHashMap<>();
                sarifResult.put("ruleId", d.ruleId());
                sarifResult.put("ruleIndex", ruleIds.indexOf(d.ruleId()));
                sarifResult.put("level", d.severity().label());
                sarifResult.put("message", object("text", d.path().isEmpty() ? d.shownMessage() : d.shownPath() + ": " + d.shownMessage()));
                sarifResult.put("locations", List.of(object("physicalLocation", physical)));
                sarifResults.add(sarifResult);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", TOOL_NAME);
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/project-planton/project-planton");
        driver.put("rules", ruleIds.stream().map(id -> object("id", id)).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", object("driver", driver));
        run.put("originalUriBaseIds", object(SOURCE_ROOT, object("uri", directoryUri(workingDirectory))));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", sarifResults);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return write(log);
    }

    private static Map<String, Object> artifactLocation(Path file, Path workingDirectory) {
        Path absolute = workingDirectory.resolve(file).toAbsolutePath().normalize();
        Path root = workingDirectory.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            String relative = root.relativize(absolute).toString().replace('\\', '/');
            return object("uri", encodePath(relative), "uriBaseId", SOURCE_ROOT);
        }
        return object("uri", absolute.toUri().toString());
    }

    /** A relative path as a URI reference: spaces, '%', '#', '?' and the like escaped, '/' kept. */
    private static String encodePath(String relative) {
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(relative + ": " + e.getMessage(), e);
        }
    }

    private static String directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static String write(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value);
    }
}
