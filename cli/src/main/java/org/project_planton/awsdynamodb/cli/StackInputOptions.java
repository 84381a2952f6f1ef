package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine.Option;

/** The options that say what to deploy and with which credentials, shared by plan and pulumi. */
public final class StackInputOptions {
    @Option(names = {"-m", "--manifest"}, required = true, paramLabel = "FILE", converter = NonEmptyPath.class, description = "The AwsDynamodb manifest.")
    Path manifest;

    @Option(names = "--aws-provider-config", paramLabel = "FILE", converter = NonEmptyPath.class,
            description = "AWS credentials and region as an AwsProviderConfig YAML file (see the README). "
                    + "Without it, the ambient AWS credentials and region are used.")
    Path providerConfig;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a manifest field, typed by the field: spec.billingMode=PROVISIONED, "
                    + "spec.provisionedThroughput={readCapacityUnits: 5, writeCapacityUnits: 5}. Repeatable.")
    List<String> overrides = new ArrayList<>();

    /**
     * The validated stack input; every problem with the manifest or the credentials is reported at once.
     * The manifest's warnings, which do not stop anything, are printed to {@code warnings}.
     */
    public AwsDynamodbStackInput load(PrintWriter warnings) throws InvalidManifestException {
        List<Diagnostic> problems = new ArrayList<>();
        AwsDynamodbStackInput.Builder input = AwsDynamodbStackInput.newBuilder();
        try {
            input.setTarget(Manifests.loadValid(manifest, overrides, warning -> warnings.println(warning.format())));
        } catch (InvalidManifestException e) {
            problems.addAll(e.diagnostics());
        }
        if (providerConfig != null) {
            try {
                input.setProviderConfig(Manifests.loadValidProviderConfig(providerConfig, warning -> warnings.println(warning.format())));
            } catch (InvalidManifestException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        warnings.flush();
        return input.build();
    }
}
