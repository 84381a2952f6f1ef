package org.project_planton.awsdynamodb.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "diff",
        description = {
                "Say what changing a deployed table from one manifest to another does, offline: no AWS account, no Pulumi CLI.",
                "Validates both manifests, plans both with the mock engine (as 'plan' does), and prints every changed field "
                        + "with its effect: changed in place, or replacing the table, which deletes all its items. The resources "
                        + "beside the table (auto scaling, the resource policy, the Kinesis destination) are listed too; they never "
                        + "touch the items. The same change classifier guards 'pulumi update' and 'local up'.",
                "Exit status: 0 when every change is made in place (or there is none), 1 when a change replaces the table "
                        + "or a manifest is invalid, 2 usage error. For CI on a pull request:",
                "  project-planton diff --from <(git show main:orders.yaml) --to orders.yaml"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "OLD.yaml", description = "The manifest as it is deployed now.")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "NEW.yaml", description = "The manifest as it is to become.")
    Path to;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default): one line per change; or json: {\"changes\": [{\"path\", \"from\", \"to\", \"effect\", \"reason\"}], \"replaces_table\": bool}.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Both manifests are validated before either is planned, and every problem of both is reported.
        List<Diagnostic> problems = new ArrayList<>();
        Manifests.Loaded<AwsDynamodb> before = load(from, problems, err);
        Manifests.Loaded<AwsDynamodb> after = load(to, problems, err);
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(problems);
        }
        Plan planBefore = plan(before.message());
        Plan planAfter = plan(after.message());
        List<Change> classified = new ArrayList<>(ChangeClassifier.classify(TableDefinition.of(planBefore), TableDefinition.of(planAfter)));
        classified.addAll(ChangeClassifier.classifyCompanions(planBefore, planAfter));
        // Fields named as the new manifest spells them (spec.keySchema in a camelCase file); values as they are.
        List<Change> changes = classified.stream()
                .map(c -> c.spelled(after::spelled)).toList();
        boolean replaces = ChangeClassifier.replacesTable(changes);
        if (output == OutputFormat.json) {
            out.println(json(changes, replaces));
        } else {
            changes.forEach(c -> out.println(c.line()));
            out.println(summary(changes, before.message().getMetadata().getName()));
        }
        out.flush();
        return replaces ? ProjectPlanton.FAILED : 0;
    }

    private static Manifests.Loaded<AwsDynamodb> load(Path manifest, List<Diagnostic> problems, PrintWriter warnings) {
        try {
            return Manifests.loadValidFromFileOrPipe(manifest, warning -> warnings.println(warning.format()));
        } catch (InvalidManifestException e) {
            problems.addAll(e.diagnostics());
            return null;
        }
    }

    private static Plan plan(AwsDynamodb manifest) {
        return Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(manifest).build());
    }

    private static String summary(List<Change> changes, String table) {
        if (changes.isEmpty()) {
            return "no changes: both manifests plan the same table and the same resources beside it";
        }
        long replacing = changes.stream().filter(Change::replacesTable).count();
        String count = changes.size() + (changes.size() == 1 ? " change" : " changes");
        return replacing == 0
                ? count + ", all made in place; table " + table + " keeps its items"
                : count + "; " + replacing + " of them replace" + (replacing == 1 ? "s" : "") + " table " + table
                        + ", which deletes all its items";
    }

    static String json(List<Change> changes, boolean replaces) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("changes", changes.stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("path", c.path());
            change.put("from", c.from());
            change.put("to", c.to());
            change.put("effect", c.effect().json());
            change.put("reason", c.reason());
            return change;
        }).toList());
        root.put("replaces_table", replaces);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
