package org.project_planton.awsdynamodb.cli;

import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "plan",
        description = {
                "Show exactly what a deploy would ask AWS for, offline: no AWS account, no Pulumi CLI.",
                "Validates the manifest, then runs the Pulumi program under the Pulumi SDK's mock engine and prints "
                        + "every resource it registers with its inputs. Secret values are printed as \"[secret]\". "
                        + "Values AWS computes (ARNs, stream label) are placeholders."})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackInputOptions stackInput;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default), a tree for people; or json: {\"resources\": [{\"type\", \"name\", \"inputs\"}], \"outputs\": {...}}.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        Plan plan = Planner.plan(stackInput.load(spec.commandLine().getErr()).message());
        spec.commandLine().getOut().println(output == OutputFormat.json ? plan.toJson() : plan.toText());
        return 0;
    }
}
