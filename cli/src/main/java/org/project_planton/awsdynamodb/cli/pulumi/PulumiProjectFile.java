package org.project_planton.awsdynamodb.cli.pulumi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.project_planton.awsdynamodb.manifest.DepthLimitedComposer;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A module's Pulumi.yaml, read as plain YAML. Whatever is wrong with it (a tab, an unknown tag, a
 * duplicate key, nesting thousands deep, a FIFO in its place) is one positioned line, never
 * snakeyaml's multi-line report or a stack overflow.
 */
final class PulumiProjectFile {
    private PulumiProjectFile() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path projectFile) throws InvalidManifestException {
        String name = projectFile.toString();
        String text = Manifests.readText(projectFile);
        LoadSettings settings = LoadSettings.builder().setLabel(name).build();
        Object loaded;
        try {
            loaded = new Load(settings) {
                @Override
                protected Composer createComposer(String yaml) {
                    return DepthLimitedComposer.of(settings, yaml);
                }
            }.loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null || e.getProblem().isBlank() ? e.getContext() : e.getProblem();
            throw new InvalidManifestException(List.of(new Diagnostic(name, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "", "Pulumi.yaml is not valid YAML: " + problem,
                    e instanceof DepthLimitedComposer.TooDeepException ? "yaml.too_deep" : "yaml.syntax")));
        } catch (YamlEngineException e) {
            throw new InvalidManifestException(List.of(new Diagnostic(name, 1, 1, "",
                    "Pulumi.yaml is not valid YAML: " + e.getMessage(), "yaml.syntax")));
        }
        if (!(loaded instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new InvalidManifestException(List.of(new Diagnostic(name, 1, 1, "",
                    "not a Pulumi project file: expected a mapping with name, runtime and main", "pulumi_project.shape")));
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }
}
