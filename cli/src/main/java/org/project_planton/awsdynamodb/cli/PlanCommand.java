package org.project_planton.awsdynamodb.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
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
        PlanAhead ahead = new PlanAhead();
        Plan plan = ahead.planOf(stackInput.load(spec.commandLine().getErr(), ahead::start).message());
        spec.commandLine().getOut().println(output == OutputFormat.json ? plan.toJson() : plan.toText());
        return 0;
    }

    /**
     * The plan of the stack input as read, started on a second thread while the manifest is being
     * validated: on a cold JVM validation mostly waits for the rules to compile (Manifests.prepareValidation),
     * and the mock engine's run takes as long again, so the two overlap. Its result stands only for the
     * input that then passed validation (validation never changes a message); for an invalid one it is
     * dropped unread, and its daemon thread dies with the command.
     */
    private static final class PlanAhead {
        private AwsDynamodbStackInput input;
        private FutureTask<Plan> plan;

        void start(AwsDynamodbStackInput read) {
            input = read;
            plan = new FutureTask<>(() -> Planner.plan(read));
            Thread thread = new Thread(plan, "plan-ahead");
            thread.setDaemon(true);
            thread.start();
        }

        Plan planOf(AwsDynamodbStackInput valid) throws InterruptedException {
            if (plan == null || !valid.equals(input)) {
                return Planner.plan(valid);
            }
            try {
                return plan.get();
            } catch (ExecutionException e) {
                // Planner.plan throws nothing checked: what it threw there is thrown here, as on this thread.
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) e.getCause();
            }
        }
    }
}
