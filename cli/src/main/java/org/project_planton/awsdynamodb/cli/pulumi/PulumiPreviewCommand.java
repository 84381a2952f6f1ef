package org.project_planton.awsdynamodb.cli.pulumi;

import java.util.List;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "preview", description = {
        "Show what 'update' would change, without changing anything (pulumi preview).",
        "A change that replaces the table is also named by the change classifier, as a warning, since pulumi-aws",
        "shows some of them as updates (a key attribute's type, pulumi-aws#1057)."})
final class PulumiPreviewCommand extends PulumiOperation {
    PulumiPreviewCommand() {
        super("preview", false, false);
    }

    @Override
    List<String> prepare(Run run) {
        refuseStackInputInConfig(run);
        TableDefinition planned = TableDefinition.of(Planner.plan(run.input()));
        ReplacementGuard.deployed(run.pulumi(), run.stack()).ifPresent(deployed -> ChangeClassifier.classify(deployed, planned).stream()
                .filter(Change::replacesTable)
                .forEach(c -> run.err().println("project-planton: warning: " + run.line(c) + "; `pulumi update` will refuse it without --allow-replace")));
        run.err().flush();
        return List.of();
    }
}
