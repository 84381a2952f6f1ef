package org.project_planton.awsdynamodb.cli.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** One DynamoDB Local for the whole test JVM, on 127.0.0.1 and an ephemeral port; stopped when the JVM exits. */
final class EmbeddedDynamoDb {
    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;

    private EmbeddedDynamoDb() {}

    static synchronized DynamoDbLocalServer server() {
        if (server == null) {
            server = LocalUpCommand.quietly(() -> DynamoDbLocalServer.start(0, null));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            client = LocalClients.ownServerClient(server().endpoint(), LocalClients.DEFAULT_REGION);
        }
        return client;
    }

    static String endpoint() {
        return server().endpoint().toString();
    }

    static AwsDynamodb manifest(String yaml) throws Exception {
        return Manifests.loadValid(yaml, "test.yaml");
    }

    static Plan plan(AwsDynamodb manifest) {
        return Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(manifest).build());
    }

    /** Plans the manifest and converges the table on the embedded engine; returns the progress lines. */
    static List<String> up(AwsDynamodb manifest) {
        Plan plan = plan(manifest);
        List<String> progress = new ArrayList<>();
        new Converger(client(), progress::add, Duration.ofMinutes(1))
                .converge(plan);
        return progress;
    }

    static void drop(String table) {
        try {
            client().updateTable(b -> b.tableName(table).deletionProtectionEnabled(false));
            client().deleteTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException gone) {
            // nothing to drop
        }
    }

    static Path repo() {
        return Path.of("..").toAbsolutePath().normalize();
    }
}
