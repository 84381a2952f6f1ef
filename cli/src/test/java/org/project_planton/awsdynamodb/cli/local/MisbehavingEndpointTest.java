package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.project_planton.awsdynamodb.cli.ProjectPlantonRunner;
import org.project_planton.awsdynamodb.cli.TestManifests;

/**
 * {@code local} against endpoints that are not DynamoDB, each a fake on 127.0.0.1 and an ephemeral
 * port: one that accepts connections and never answers, and web servers answering {@code {}} or a
 * page. Each is one clear line, within the client's call timeout.
 */
class MisbehavingEndpointTest {
    private static final String MANIFEST = TestManifests.MINIMAL;
    /** The call timeout, plus room for planning the manifest on a machine under load. */
    private static final Duration BOUND = LocalClients.CALL_TIMEOUT.plusSeconds(30);

    @TempDir
    Path dir;
    private final List<AutoCloseable> fakes = new ArrayList<>();

    /** Plans once, so that the first test's time is the endpoint's and not the planner's warming up. */
    @BeforeAll
    static void warmUpThePlanner(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> ProjectPlantonRunner.run(new String[] {"plan", "--manifest", manifest.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }

    @AfterEach
    void stopFakes() throws Exception {
        for (AutoCloseable fake : fakes) {
            fake.close();
        }
    }

    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        return assertTimeoutPreemptively(BOUND, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ProjectPlantonRunner.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        });
    }

    /** A web server on loopback answering every request with HTTP 200, {@code contentType} and {@code body}. */
    private String webServer(String contentType, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        fakes.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A server on loopback that accepts every connection and never answers. */
    private String silentServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(socket.accept());
                }
            } catch (IOException closed) {
                // stopped
            }
        }, "silent-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
        fakes.add(() -> {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        });
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    static Stream<Arguments> webServersThatAreNotDynamoDb() {
        return Stream.of(
                Arguments.of("application/json", "{}", "it answered DescribeTable with HTTP 200 and Content-Type application/json"),
                Arguments.of("text/html", "<html><body>It works!</body></html>", "it answered DescribeTable with HTTP 200 and Content-Type text/html"),
                Arguments.of("application/x-amz-json-1.0", "{}", "it answered DescribeTable without a table description"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("webServersThatAreNotDynamoDb")
    void aWebServerIsNotDynamoDb(String contentType, String body, String why) throws Exception {
        String endpoint = webServer(contentType, body);
        Path manifest = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        for (String command : List.of("status", "up", "down")) {
            Run run = run("local", command, "--manifest", manifest.toString(), "--endpoint", endpoint);

            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertEquals("project-planton: error: the endpoint at " + endpoint + " is not DynamoDB: " + why + "\n", run.err(), command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "up", "down"})
    void aSilentEndpointFailsWithinTheCallTimeout(String command) throws Exception {
        String endpoint = silentServer();
        Path manifest = Files.writeString(dir.resolve("m.yaml"), MANIFEST);

        Run run = run("local", command, "--manifest", manifest.toString(), "--endpoint", endpoint);

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("project-planton: error: the endpoint at " + endpoint + " accepted the connection but did not answer within "
                + LocalClients.CALL_TIMEOUT.toSeconds() + " s; is it DynamoDB?\n", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://admin:s3cr3t@127.0.0.1:8000", "http://admin:s3cr3t@127.0.0.1:notaport", "http://s3cr3t@[::1"})
    void aPasswordInTheEndpointIsNeverPrinted(String endpoint) throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        for (String command : List.of("status", "up", "down")) {
            Run run = run("local", command, "--manifest", manifest.toString(), "--endpoint", endpoint);

            assertTrue(run.exitCode() != 0, run.err());
            // one line for the problem, then (a usage error) where the help is
            List<String> lines = run.err().lines().toList();
            assertEquals(2, lines.size(), run.err());
            assertTrue(lines.get(0).contains("***@"), run.err());
            assertTrue(lines.get(1).startsWith("Run 'project-planton local " + command + " --help'"), run.err());
            assertFalse((run.out() + run.err()).contains("s3cr3t"), run.err());
        }
    }
}
