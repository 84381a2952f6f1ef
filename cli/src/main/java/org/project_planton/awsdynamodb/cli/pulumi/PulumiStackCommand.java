package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.cli.Environment;
import org.project_planton.awsdynamodb.cli.StackInputOptions;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A pulumi subcommand about the stack itself, not its resources (init, delete, cancel): the
 * manifest is validated and the stack chosen exactly as for the operations, then pulumi runs in
 * the module directory (or its project-name copy). No program runs, so no stack input is written.
 */
abstract class PulumiStackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PulumiCommand pulumiCommand;

    @Mixin
    StackInputOptions stackInput;

    @Mixin
    PulumiStackOptions target;

    /** One run: pulumi in its directory, the stack, whether a person is at a terminal, and where to print. */
    record Run(PulumiCli pulumi, StackName stack, boolean interactive, PrintWriter out, PrintWriter err) {}

    @Override
    public Integer call() throws Exception {
        Environment environment = pulumiCommand.root.environment();
        PrintWriter err = spec.commandLine().getErr();
        AwsDynamodbStackInput input = stackInput.load(err).message();
        StackName stackName = StackName.choose(input.getTarget().getMetadata().getLabelsMap(), target.stack);
        checkBeforePulumi(stackName, environment.interactive());
        Path executable = PulumiCli.require(environment.variables());
        try (PulumiProject project = PulumiProject.open(target.moduleDirectory, stackName)) {
            PulumiCli pulumi = PulumiCli.of(executable, project.workingDirectory(), environment.variables());
            run(new Run(pulumi, stackName, environment.interactive(), spec.commandLine().getOut(), err));
        }
        return 0;
    }

    /** Refusals that need no pulumi, such as a missing --yes with no terminal to ask on. */
    void checkBeforePulumi(StackName stack, boolean interactive) {}

    abstract void run(Run run);

    /** Streams a pulumi command; a failure is one line with pulumi's own words. */
    static void stream(Run run, String what, List<String> args) {
        run.pulumi().stream(args, run.interactive(), run.out(), run.err()).orFail(what);
    }
}
