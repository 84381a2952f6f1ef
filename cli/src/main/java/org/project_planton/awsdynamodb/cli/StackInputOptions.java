package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options that say what to deploy and with which credentials, shared by plan, pulumi, local
 * and load-manifest: a manifest (plus a credentials file), or a whole stack input, as
 * ProjectPlanton's CLI takes them ({@code -f}, {@code -i}).
 */
public final class StackInputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of the two. */
    static final class Source {
        @Option(names = {"-m", "-f", "--manifest"}, required = true, paramLabel = "FILE", converter = NonEmptyPath.class, description = "The AwsDynamodb manifest.")
        Path manifest;

        @Option(names = {"-i", "--stack-input"}, required = true, paramLabel = "FILE", converter = NonEmptyPath.class,
                description = "A whole AwsDynamodbStackInput instead: the manifest under 'target' and, optionally, the "
                        + "credentials under 'providerConfig'. Validated exactly as a manifest and a credentials file are.")
        Path stackInput;
    }

    @Option(names = "--aws-provider-config", paramLabel = "FILE", converter = NonEmptyPath.class,
            description = "AWS credentials and region as an AwsProviderConfig YAML file (see the README). "
                    + "Without it, pulumi uses the ambient AWS credentials and region; 'local' uses the ambient region "
                    + "(AWS_REGION, AWS_DEFAULT_REGION, the profile's), else us-east-1, and placeholder credentials in any case.")
    Path providerConfig;

    static final String SET_DESCRIPTION = "Override a manifest field, typed by the field: spec.billingMode=PROVISIONED, "
            + "spec.provisionedThroughput={readCapacityUnits: 5, writeCapacityUnits: 5}. Repeatable.";

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = SET_DESCRIPTION)
    List<String> overrides = new ArrayList<>();

    /**
     * The validated stack input; every problem with the manifest or the credentials is reported at once.
     * The manifest's warnings, which do not stop anything, are printed to {@code warnings}. It comes
     * with the spelling of the file that holds the manifest, for messages that name its fields.
     */
    public Manifests.Loaded<AwsDynamodbStackInput> load(PrintWriter warnings) throws InvalidManifestException {
        return load(spec.commandLine(), source, providerConfig, overrides, warnings, input -> { });
    }

    /**
     * As {@link #load(PrintWriter)}; given a manifest file, {@code whileValidating} is given the
     * stack input once the manifest is read, before the manifest's validation starts (see
     * {@link Manifests#loadValid(Path, List, String, java.util.function.Consumer, java.util.function.Consumer)}).
     */
    public Manifests.Loaded<AwsDynamodbStackInput> load(PrintWriter warnings, Consumer<AwsDynamodbStackInput> whileValidating)
            throws InvalidManifestException {
        return load(spec.commandLine(), source, providerConfig, overrides, warnings, whileValidating);
    }

    /** As {@link #load(PrintWriter)}, for a command that takes these options its own way (load-manifest). */
    static Manifests.Loaded<AwsDynamodbStackInput> load(CommandLine commandLine, Source source, Path providerConfig,
                                                         List<String> overrides, PrintWriter warnings) throws InvalidManifestException {
        return load(commandLine, source, providerConfig, overrides, warnings, input -> { });
    }

    private static Manifests.Loaded<AwsDynamodbStackInput> load(CommandLine commandLine, Source source, Path providerConfig,
                                                                List<String> overrides, PrintWriter warnings,
                                                                Consumer<AwsDynamodbStackInput> whileValidating) throws InvalidManifestException {
        List<Diagnostic> problems = new ArrayList<>();
        AwsDynamodbStackInput.Builder input = AwsDynamodbStackInput.newBuilder();
        boolean camelCase = true;
        if (source.stackInput != null) {
            try {
                Manifests.Loaded<AwsDynamodbStackInput> loaded =
                        Manifests.loadValidStackInput(source.stackInput, overrides, warning -> warnings.println(warning.format()));
                input.mergeFrom(loaded.message());
                camelCase = loaded.camelCase();
            } catch (InvalidManifestException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (providerConfig != null) {
            if (input.hasProviderConfig()) {
                throw new ParameterException(commandLine, source.stackInput
                        + " already holds providerConfig; leave out --aws-provider-config, or the providerConfig");
            }
            try {
                input.setProviderConfig(Manifests.loadValidProviderConfig(providerConfig, warning -> warnings.println(warning.format())));
            } catch (InvalidManifestException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (source.stackInput == null) {
            try {
                // After the provider config: the replicas' rules need the table's own Region.
                Manifests.Loaded<AwsDynamodb> loaded = Manifests.loadValid(source.manifest, overrides,
                        input.getProviderConfig().getRegion(), warning -> warnings.println(warning.format()),
                        read -> whileValidating.accept(input.clone().setTarget(read).build()));
                input.setTarget(loaded.message());
                camelCase = loaded.camelCase();
            } catch (InvalidManifestException e) {
                problems.addAll(0, e.diagnostics());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        warnings.flush();
        return new Manifests.Loaded<>(input.build(), camelCase);
    }
}
