package org.project_planton.awsdynamodb.cli;

import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.manifest.ManifestSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "schema",
        description = {
                "Print the JSON Schema of a manifest, for editors (completion, hover, problems as you type) and CI.",
                "It is generated from the API's proto at build time: descriptions from its comments, every enum spelling the loader accepts, the length, pattern and range rules. Rules across fields are checked by 'validate' only.",
                "Save it and point your YAML language server at it: '# yaml-language-server: $schema=./awsdynamodb.schema.json' (see the README)."})
final class SchemaCommand implements Callable<Integer> {
    /** The files the loader reads, by the name users know them by. */
    enum For {
        manifest(ManifestSchema.Kind.MANIFEST),
        stack_input(ManifestSchema.Kind.STACK_INPUT),
        provider_config(ManifestSchema.Kind.PROVIDER_CONFIG);

        final ManifestSchema.Kind kind;

        For(ManifestSchema.Kind kind) {
            this.kind = kind;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--for", paramLabel = "manifest|stack_input|provider_config", defaultValue = "manifest",
            description = "Which file: an AwsDynamodb manifest (default), a whole stack input (-i), or the --aws-provider-config file.")
    For target;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ManifestSchema.of(target.kind));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
