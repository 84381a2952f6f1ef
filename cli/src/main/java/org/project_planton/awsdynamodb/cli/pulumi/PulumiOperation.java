package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.cli.Environment;
import org.project_planton.awsdynamodb.cli.OutputFormat;
import org.project_planton.awsdynamodb.cli.StackInputOptions;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One pulumi operation on the manifest's stack: validate, choose the stack, select or create
 * it, run the operation with the stack input in a private file, then read the outputs back.
 */
abstract class PulumiOperation implements Callable<Integer> {
    /** The variable the Pulumi program reads the stack input file's path from. */
    static final String STACK_INPUT_FILE_VARIABLE = "STACK_INPUT_YAML_FILE";
    /** The config key the program reads the stack input from before the file (StackInputSource). */
    static final String STACK_INPUT_CONFIG_KEY = "planton-cloud:stack-input";

    @Spec
    CommandSpec spec;

    @ParentCommand
    PulumiCommand pulumiCommand;

    @Mixin
    StackInputOptions stackInput;

    @Mixin
    PulumiStackOptions target;

    @Option(names = "--yes", description = "Approve without asking. Needed when there is no terminal to ask on. (preview changes nothing and asks nothing.)")
    boolean yes;

    @Option(names = "--diff", description = "Show a detailed diff of every change.")
    boolean diff;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "How to print the stack outputs: text (default) or json. With json, pulumi's progress goes to stderr.")
    OutputFormat output;

    private final String verb;
    private final boolean asksForConfirmation;
    private final boolean printsOutputs;

    PulumiOperation(String verb, boolean asksForConfirmation, boolean printsOutputs) {
        this.verb = verb;
        this.asksForConfirmation = asksForConfirmation;
        this.printsOutputs = printsOutputs;
    }

    /** What the steps of one run share: pulumi in its directory, the stack, the validated input and its private file. */
    record Run(PulumiCli pulumi, StackName stack, Manifests.Loaded<AwsDynamodbStackInput> loaded, StackInputFile inputFile, PrintWriter err) {
        AwsDynamodbStackInput input() {
            return loaded.message();
        }

        /** A change as one line, its fields named as the manifest spells them. */
        String line(Change change) {
            return change.spelled(loaded::spelled).line();
        }
    }

    @Override
    public Integer call() throws Exception {
        Environment environment = pulumiCommand.root.environment();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifests.Loaded<AwsDynamodbStackInput> loaded = stackInput.load(err);
        AwsDynamodbStackInput input = loaded.message();
        StackName stackName = StackName.choose(input.getTarget().getMetadata().getLabelsMap(), target.stack);
        boolean interactive = environment.interactive() && output == OutputFormat.text;
        if (asksForConfirmation) {
            PulumiCli.requireConfirmation(yes, interactive, verb, output == OutputFormat.json ? " (-o json keeps stdout for the outputs)" : "");
        }
        Path executable = PulumiCli.require(environment.variables());

        try (PulumiProject project = PulumiProject.open(target.moduleDirectory, stackName);
             StackInputFile inputFile = StackInputFile.write(input)) {
            PulumiCli pulumi = PulumiCli.of(executable, project.workingDirectory(), childEnvironment(environment, inputFile.path()));
            // One step, as `pulumi stack select --create` does it (pkg/cmd/pulumi/stack/stack_select.go).
            pulumi.capture("stack", "select", "--create", "--stack", stackName.fqdn())
                    .orFail("stack select --create " + stackName.fqdn());
            Run run = new Run(pulumi, stackName, loaded, inputFile, err);
            List<String> args = new ArrayList<>(operationArguments(stackName, interactive));
            args.addAll(prepare(run));
            pulumi.stream(args, interactive, output == OutputFormat.json ? err : out, err).orFail(verb);
            if (printsOutputs) {
                PulumiCli.Captured outputs = pulumi.capture("stack", "output", "--json", "--stack", stackName.fqdn()).orFail("stack output");
                StackOutputsView.print(StackOutputsView.parse(outputs.output()), output, out);
            }
        }
        return 0;
    }

    /**
     * Runs after the stack is selected and before the operation; returns more arguments for it.
     * By default: nothing.
     */
    List<String> prepare(Run run) {
        return List.of();
    }

    /**
     * Refuses a stack whose config sets {@code planton-cloud:stack-input}: the program reads that key
     * before the validated file, so it would deploy another manifest than the one validated here.
     */
    static void refuseStackInputInConfig(Run run) {
        String config = run.pulumi().capture("config", "--json", "--open", "--stack", run.stack().fqdn()).orFail("config").output();
        Map<String, ?> keys;
        try {
            keys = new com.google.gson.Gson().fromJson(config, Map.class);
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalStateException("pulumi config --json printed something that is not JSON: " + e.getMessage(), e);
        }
        if (keys != null && keys.containsKey(STACK_INPUT_CONFIG_KEY)) {
            throw new IllegalArgumentException("stack " + run.stack().fqdn() + " sets the config key " + STACK_INPUT_CONFIG_KEY
                    + ", which the program would deploy instead of the validated manifest; remove it with"
                    + " `pulumi config rm " + STACK_INPUT_CONFIG_KEY + " --stack " + run.stack().fqdn() + "`; nothing was changed");
        }
    }

    private List<String> operationArguments(StackName stackName, boolean interactive) {
        List<String> args = new ArrayList<>(List.of(verb, "--stack", stackName.fqdn()));
        if (yes && asksForConfirmation) { // pulumi preview has no --yes (pkg/cmd/pulumi/operations/preview.go)
            args.add("--yes");
        }
        if (diff) {
            args.add("--diff");
        }
        if (!interactive) {
            args.add("--non-interactive");
        }
        return args;
    }

    /**
     * The user's environment, plus the stack input file's path. A STACK_INPUT_YAML of the user's
     * own is dropped: the program would prefer it to the file and deploy something else.
     */
    private static Map<String, String> childEnvironment(Environment environment, Path stackInputFile) {
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.remove("STACK_INPUT_YAML");
        variables.put(STACK_INPUT_FILE_VARIABLE, stackInputFile.toString());
        return variables;
    }
}
