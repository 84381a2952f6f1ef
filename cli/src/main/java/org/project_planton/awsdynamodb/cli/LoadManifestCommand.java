package org.project_planton.awsdynamodb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "load-manifest",
        aliases = "load",
        description = {
                "Print the manifest as every command sees it: loaded, with the --set overrides applied, validated, in one canonical form.",
                "Canonical: camelCase field names in the API's order, enum values by their current names (PAY_PER_REQUEST, not BILLING_MODE_PAY_PER_REQUEST), defaults left out.",
                "With -i, the stack input's manifest (its target) is printed; its credentials never are."})
final class LoadManifestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The manifest (the same as -f FILE).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StackInputOptions.Source source;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = StackInputOptions.SET_DESCRIPTION)
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        StackInputOptions.Source chosen = source;
        if (file != null && chosen != null) {
            throw new ParameterException(spec.commandLine(), "give the manifest once: as FILE, with -f or with -i");
        }
        if (chosen == null) {
            if (file == null) {
                throw new ParameterException(spec.commandLine(), "Missing the manifest: FILE, -f FILE or -i FILE");
            }
            chosen = new StackInputOptions.Source();
            chosen.manifest = file;
        }
        AwsDynamodbStackInput input =
                StackInputOptions.load(spec.commandLine(), chosen, null, overrides, spec.commandLine().getErr()).message();
        spec.commandLine().getOut().print(CanonicalYaml.print(input.getTarget()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
