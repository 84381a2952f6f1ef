package org.project_planton.awsdynamodb.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Spec
    CommandSpec spec;

    @ParentCommand
    PulumiCommand pulumiCommand;

    @Mixin
    StackInputOptions stackInput;

    @Option(names = "--stack", paramLabel = "ORG/PROJECT/STACK", converter = StackName.Flag.class,
            description = "The Pulumi stack. The manifest's label pulumi.project-planton.org/stack.fqdn takes precedence; "
                    + "so do its labels pulumi.project-planton.org/organization, /project and /stack.name, each over its part.")
    StackName stack;

    @Option(names = "--module-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The Pulumi module directory, holding Pulumi.yaml (default: the current directory).")
    Path moduleDirectory;

    @Option(names = "--yes", description = "Approve without asking. Needed when there is no terminal to ask on.")
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

    @Override
    public Integer call() throws Exception {
        Environment environment = pulumiCommand.root.environment;
        PrintWriter out = spec.commandLine().getOut();
        AwsDynamodbStackInput input = stackInput.load(spec.commandLine().getErr());
        StackName stackName = StackName.choose(input.getTarget().getMetadata().getLabelsMap(), stack);
        boolean interactive = environment.interactive() && output == OutputFormat.text;
        if (asksForConfirmation && !yes && !interactive) {
            throw new IllegalArgumentException("refusing to run pulumi " + verb + " without --yes: there is no terminal to confirm on"
                    + (output == OutputFormat.json ? " (-o json keeps stdout for the outputs)" : "") + "; nothing was changed");
        }
        Path executable = PulumiCli.locate(environment.variables()).orElseThrow(() -> new IllegalArgumentException(
                "pulumi is not on PATH; " + PulumiCli.INSTALL_HINT + ", or run 'project-planton plan' for an offline look at what would be deployed"));

        try (PulumiProject project = PulumiProject.open(moduleDirectory, stackName);
             StackInputFile inputFile = StackInputFile.write(input)) {
            PulumiCli pulumi = PulumiCli.of(executable, project.workingDirectory(), childEnvironment(environment, inputFile.path()));
            // pulumi writes to the terminal itself only when this process really has one (it needs the
            // TTY for its live display and prompts); otherwise its output joins ours, in order.
            if (System.console() == null) {
                pulumi = pulumi.writingTo(out, spec.commandLine().getErr());
            }
            selectOrCreate(pulumi, stackName);
            OutputStream progress = output == OutputFormat.json ? System.err : null;
            int exitCode = pulumi.stream(operationArguments(stackName, interactive), progress);
            if (exitCode != 0) {
                throw new IllegalArgumentException("pulumi " + verb + " failed (exit code " + exitCode + ")");
            }
            if (printsOutputs) {
                PulumiCli.Captured outputs = pulumi.capture("stack", "output", "--json", "--stack", stackName.fqdn());
                if (outputs.exitCode() != 0) {
                    throw new IllegalArgumentException("pulumi stack output failed (exit code " + outputs.exitCode() + ")"
                            + (outputs.errors().isBlank() ? "" : ": " + outputs.errors().strip()));
                }
                StackOutputsView.print(StackOutputsView.parse(outputs.output()), output, out);
            }
        }
        return 0;
    }

    private List<String> operationArguments(StackName stackName, boolean interactive) {
        List<String> args = new ArrayList<>(List.of(verb, "--stack", stackName.fqdn()));
        if (yes) {
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

    private static void selectOrCreate(PulumiCli pulumi, StackName stackName) {
        if (pulumi.capture("stack", "select", "--stack", stackName.fqdn()).exitCode() == 0) {
            return;
        }
        PulumiCli.Captured init = pulumi.capture("stack", "init", "--stack", stackName.fqdn());
        if (init.exitCode() != 0) {
            throw new IllegalArgumentException("cannot select or create stack " + stackName.fqdn() + ": "
                    + (init.errors() + init.output()).strip());
        }
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
