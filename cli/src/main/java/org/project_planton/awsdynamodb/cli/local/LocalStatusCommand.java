package org.project_planton.awsdynamodb.cli.local;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(
        mixinStandardHelpOptions = true,
        name = "status",
        description = {
                "Compare the live table with the manifest, field by field, and say whether they match.",
                "Exit status 0 in sync, 1 when a field differs or the table does not exist."})
final class LocalStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LocalTarget target;

    @Mixin
    RunningEndpoint endpoint;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        URI uri = endpoint.uri();
        LocalTarget.probe(uri);
        LocalTarget.Planned planned = target.plan(spec.commandLine().getErr());
        String name = planned.table().name();
        try (DynamoDbClient client = LocalClients.client(uri, planned.region())) {
            Optional<LiveTable> live = LocalTarget.reach(uri, () -> LiveTable.read(client, name));
            if (live.isEmpty()) {
                out.println("table " + name + ": missing at " + uri + " (run `project-planton local up`)");
                return 1;
            }
            TableComparison comparison = TableComparison.of(planned.table(), live.get());
            comparison.fields().forEach(f -> out.println("  " + f.spelled(planned.spelling()).format()));
            TableDefinition wanted = TableDefinition.of(planned.plan());
            ChangeClassifier.classify(live.get().definition(wanted), wanted).stream()
                    .filter(Change::replacesTable).forEach(c -> out.println("  " + c.spelled(planned.spelling()).line()));
            out.println("table " + name + ": " + (comparison.inSync()
                    ? "in sync with the manifest"
                    : comparison.differences().size() + " field(s) differ from the manifest; `project-planton local up` converges what DynamoDB can change in place"));
            return comparison.inSync() ? 0 : 1;
        }
    }
}
