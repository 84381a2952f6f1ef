package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.cli.ProjectPlantonRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The command line, as a new user runs it: up in the foreground, an SDK client, status, down. */
class LocalCommandTest {
    static final String MANIFEST = "../iac/hack/manifest.yaml";

    @Test
    void upServesTheTableToAnSdkClientUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(() -> exit.set(ProjectPlantonRunner.run(
                new String[] {"local", "up", "--manifest", MANIFEST, "--port", "0"}, new PrintWriter(out, true), new PrintWriter(err, true))));
        up.start();
        Pattern serving = Pattern.compile("serving table orders at (http://127\\.0\\.0\\.1:(\\d+))");
        Matcher m = serving.matcher("");
        for (int i = 0; i < 600 && !(m = serving.matcher(err.toString())).find(); i++) {
            Thread.sleep(100);
        }
        assertTrue(m.find(0), "no serving line; out: " + out + " err: " + err);
        URI endpoint = URI.create(m.group(1));
        int port = Integer.parseInt(m.group(2));
        assertTrue(out.toString().contains("table_arn: arn:aws:dynamodb:"), out.toString());
        assertTrue(out.toString().contains("stream_arn: "), out.toString());
        // Another client, other credentials and region: -sharedDb serves it the same table.
        try (DynamoDbClient app = DynamoDbClient.builder().endpointOverride(endpoint)
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("app", "app")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            app.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("c1"), "sk", AttributeValue.fromS("o1"),
                    "status", AttributeValue.fromS("open"))));
            assertEquals("open", app.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("c1"),
                    "sk", AttributeValue.fromS("o1")))).item().get("status").s());
        }
        StringWriter statusOut = new StringWriter();
        int status = ProjectPlantonRunner.run(new String[] {"local", "status", "--manifest", MANIFEST, "--endpoint", endpoint.toString()},
                new PrintWriter(statusOut, true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, status, statusOut.toString());
        assertTrue(statusOut.toString().contains("table orders: in sync with the manifest"), statusOut.toString());
        assertTrue(statusOut.toString().contains(" keySchema: HASH pk, RANGE sk\n"), "fields as the camelCase manifest spells them: " + statusOut);
        assertFalse(statusOut.toString().contains("key_schema"), statusOut.toString());
        StringWriter downErr = new StringWriter();
        int down = ProjectPlantonRunner.run(new String[] {"local", "down", "--manifest", MANIFEST, "--endpoint", endpoint.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(downErr, true));
        assertEquals(1, down);
        assertTrue(downErr.toString().contains("deletion protection on; not deleted. Pass --force"), downErr.toString());
        assertFalse(downErr.toString().contains("\tat "), "no stack trace");

        up.interrupt();
        up.join(30_000);
        assertEquals(0, exit.get());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            throw new AssertionError("DynamoDB Local still listens after stopping");
        } catch (java.io.IOException expected) {
            // stopped
        }
    }

    @Test
    void statusOnAMissingTableAndDownWithForce() throws Exception {
        String endpoint = EmbeddedDynamoDb.endpoint();
        EmbeddedDynamoDb.drop("orders");
        StringWriter out = new StringWriter();
        assertEquals(1, ProjectPlantonRunner.run(new String[] {"local", "status", "--manifest", MANIFEST, "--endpoint", endpoint},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(out.toString().contains("table orders: missing"), out.toString());
        StringWriter json = new StringWriter();
        assertEquals(0, ProjectPlantonRunner.run(new String[] {"local", "up", "--manifest", MANIFEST, "--endpoint", endpoint, "-o", "json"},
                new PrintWriter(json, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(json.toString().strip().startsWith("{\n  \"endpoint\": \"" + endpoint + "\",\n  \"table_name\": \"orders\""), json.toString());
        assertTrue(json.toString().contains("\"table_arn\""), json.toString());
        StringWriter ambient = new StringWriter();
        assertEquals(0, ProjectPlantonRunner.run(new String[] {"local", "up", "--manifest", MANIFEST, "--endpoint", endpoint, "-o", "json"},
                new PrintWriter(ambient, true), new PrintWriter(new StringWriter(), true), Map.of("AWS_REGION", "eu-west-2")));
        assertTrue(ambient.toString().contains("\"aws_region\": \"eu-west-2\""), "the ambient region is used: " + ambient);
        assertTrue(json.toString().contains("\"aws_region\": \"us-east-1\""), "else us-east-1: " + json);
        StringWriter down = new StringWriter();
        assertEquals(0, ProjectPlantonRunner.run(new String[] {"local", "down", "--force", "--manifest", MANIFEST, "--endpoint", endpoint},
                new PrintWriter(down, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(down.toString().contains("deleted table orders"), down.toString());
    }

    /** Nothing listens: one line naming the refusal, without planning the manifest or retrying the connection. */
    @Test
    void statusAndDownOnAClosedPortAnswerAtOnce() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closed;
        for (String command : new String[] {"status", "down"}) {
            StringWriter err = new StringWriter();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ProjectPlantonRunner.run(
                    new String[] {"local", command, "--manifest", MANIFEST, "--endpoint", endpoint},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
            assertEquals(1, code);
            assertEquals("project-planton: error: cannot reach a DynamoDB endpoint at " + endpoint
                    + " (is DynamoDB Local or LocalStack running there?): Connection refused", err.toString().strip());
        }
    }

    @Test
    void aPortInUseSaysSoAndHowToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> ProjectPlantonRunner.run(
                    new String[] {"local", "up", "--manifest", MANIFEST, "--port", String.valueOf(taken.getLocalPort())},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
            assertEquals(1, code);
            assertEquals("project-planton: error: cannot start DynamoDB Local: port " + taken.getLocalPort() + " on 127.0.0.1 is in use"
                    + " (perhaps by another `local up`); choose another with --port, or --port 0 for any free port", err.toString().strip());
        }
    }
}
