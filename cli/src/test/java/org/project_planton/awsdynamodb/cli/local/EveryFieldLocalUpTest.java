package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.project_planton.awsdynamodb.cli.ProjectPlantonRunner;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * `local up` of each every-field manifest, as a user runs it against DynamoDB Local: the table is
 * created with what the endpoint implements, one `note:` line names each thing it does not, and a
 * second `up` of the same manifest changes nothing and refuses nothing.
 */
class EveryFieldLocalUpTest {

    @ParameterizedTest
    @ValueSource(strings = {"every-field-provisioned-restore", "every-field-on-demand-import"})
    @Timeout(300)
    void upSucceedsWithANoteForEachUnimplementedFeature(String example) throws Exception {
        String manifest = "../examples/" + example + ".yaml";
        String table = example.equals("every-field-provisioned-restore") ? "orders-restored" : "orders-imported";
        EmbeddedDynamoDb.drop(table);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = ProjectPlantonRunner.run(new String[] {"local", "up", "--manifest", manifest, "--endpoint", EmbeddedDynamoDb.endpoint()},
                    new PrintWriter(out, true), new PrintWriter(err, true));

            assertEquals(0, exit, "out: " + out + "\nerr: " + err);
            assertTrue(out.toString().contains("table_name: " + table), out.toString());
            List<String> notes = err.toString().lines().filter(l -> l.startsWith("note: ")).toList();
            assertTrue(notes.stream().anyMatch(n -> n.contains("global tables (replicas)") && n.contains("eu-west-1")), notes.toString());
            assertTrue(notes.stream().anyMatch(n -> n.contains(example.contains("restore")
                    ? "point-in-time restore (RestoreTableToPointInTime); the table was created empty"
                    : "import from S3 (ImportTable); the table was created empty")), notes.toString());
            if (example.contains("restore")) {
                assertTrue(notes.stream().anyMatch(n -> n.contains("Application Auto Scaling") && n.contains("4 scaling target(s)")), notes.toString());
                assertTrue(err.toString().contains("resource polic"), err.toString());
                assertTrue(err.toString().contains("Kinesis"), err.toString());
            }
            TableDescription t = EmbeddedDynamoDb.client().describeTable(b -> b.tableName(table)).table();
            assertEquals("ACTIVE", t.tableStatusAsString());
            if (example.contains("import")) {
                // DynamoDB Local 2.6.1 accepts OnDemandThroughput but DescribeTable does not report it.
                assertTrue(notes.stream().anyMatch(n -> n.contains("does not report on-demand throughput limits")), notes.toString());
            }

            StringWriter again = new StringWriter();
            StringWriter againErr = new StringWriter();
            int second = ProjectPlantonRunner.run(new String[] {"local", "up", "--manifest", manifest, "--endpoint", EmbeddedDynamoDb.endpoint()},
                    new PrintWriter(again, true), new PrintWriter(againErr, true));
            assertEquals(0, second, "second up; err: " + againErr);
            assertTrue(againErr.toString().lines().noneMatch(l -> l.startsWith("created") || l.startsWith("added")), againErr.toString());
        } finally {
            EmbeddedDynamoDb.drop(table);
        }
    }
}
