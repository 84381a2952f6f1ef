package org.project_planton.awsdynamodb.cli.local;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@Command(
        mixinStandardHelpOptions = true,
        name = "down",
        description = {
                "Delete the manifest's table, and its data, from a local endpoint.",
                "Refuses while the table has deletion protection on, unless --force."})
final class LocalDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LocalTarget target;

    @Mixin
    RunningEndpoint endpoint;

    @Option(names = "--force", description = "Turn deletion protection off first, then delete.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        URI uri = endpoint.uri();
        LocalTarget.probe(uri);
        LocalTarget.Planned planned = target.plan(spec.commandLine().getErr());
        String name = planned.table().name();
        try (DynamoDbClient client = LocalClients.client(uri, planned.region())) {
            return LocalTarget.reach(uri, () -> {
                TableDescription t;
                try {
                    t = LiveTable.describe(client, name);
                } catch (ResourceNotFoundException e) {
                    out.println("table " + name + " does not exist at " + uri + "; nothing to delete");
                    return 0;
                }
                if (Boolean.TRUE.equals(t.deletionProtectionEnabled())) {
                    if (!force) {
                        throw new IllegalArgumentException("table " + name + " at " + uri + " has deletion protection on;"
                                + " not deleted. Pass --force to turn protection off and delete it with its data.");
                    }
                    client.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
                    out.println("turned deletion protection off for table " + name);
                }
                out.println("deleting table " + name + " at " + uri + ", with all its items");
                client.deleteTable(b -> b.tableName(name));
                client.waiter().waitUntilTableNotExists(b -> b.tableName(name));
                out.println("deleted table " + name);
                return 0;
            });
        }
    }
}
