package org.project_planton.awsdynamodb.cli.local;

import org.project_planton.awsdynamodb.cli.change.ReplacementRefused;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.project_planton.awsdynamodb.cli.NonEmptyPath;
import org.project_planton.awsdynamodb.cli.OutputFormat;
import org.project_planton.awsdynamodb.cli.pulumi.StackOutputsView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(
        mixinStandardHelpOptions = true,
        name = "up",
        description = {
                "Create the manifest's table locally, or bring an existing one in line with the manifest.",
                "The table is exactly the one `project-planton plan` shows. An existing table is converged: GSIs "
                        + "added and removed one at a time, billing and capacity, stream, TTL and deletion protection. "
                        + "A change that would replace the table (key schema, LSIs, the type of a key attribute) is "
                        + "refused, one line per cause, and nothing is changed; `project-planton diff` says the same offline.",
                "Without --endpoint, starts DynamoDB Local on 127.0.0.1 (telemetry off, in memory unless --data-dir) "
                        + "and keeps serving in the foreground until Ctrl-C."})
final class LocalUpCommand implements Callable<Integer> {
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Mixin
    LocalTarget target;

    @Option(names = "--endpoint", paramLabel = "URL", converter = LocalTarget.EndpointUrl.class,
            description = "A running DynamoDB-compatible endpoint (DynamoDB Local, LocalStack). Without it, DynamoDB Local is started here.")
    URI endpoint;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port on 127.0.0.1 for the DynamoDB Local started here (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", converter = NonEmptyPath.class,
            description = "Keep the started DynamoDB Local's data in DIR, to find the table again next time. Default: in memory.")
    Path dataDir;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default), or json: the AwsDynamodbStackOutputs as one JSON object (notes go to stderr).")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (endpoint != null && (dataDir != null || spec.commandLine().getParseResult().hasMatchedOption("--port"))) {
            throw new ParameterException(spec.commandLine(), "--port and --data-dir are for the DynamoDB Local started here; they cannot be used with --endpoint");
        }
        if (port < 0 || port > DynamoDbLocalServer.MAX_PORT) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 (any free port) or 1 to " + DynamoDbLocalServer.MAX_PORT + ", not " + port);
        }
        if (endpoint != null) {
            LocalTarget.probe(endpoint);
        }
        LocalTarget.Planned planned = target.plan(spec.commandLine().getErr());
        if (endpoint != null) {
            URI uri = endpoint;
            try (DynamoDbClient client = LocalClients.client(uri, planned.region())) {
                up(uri, client, planned, out, err);
            }
            return 0;
        }
        return serve(planned, out, err);
    }

    private void up(URI uri, DynamoDbClient client, LocalTarget.Planned planned, PrintWriter out, PrintWriter err) {
        LiveTable live = LocalTarget.reach(uri, () -> {
            try {
                return new Converger(client, line -> err.println(line), TIMEOUT).converge(planned.plan());
            } catch (ReplacementRefused refused) {
                throw refused.spelled(planned.spelling()); // the fields as the manifest spells them
            }
        });
        StackOutputsView.print(Map.of("endpoint", uri.toString()), LocalTarget.outputs(live, planned.region()), output, out);
        out.flush();
        err.flush();
    }

    /** Starts DynamoDB Local, brings the table up, and serves until Ctrl-C (or this thread is interrupted). */
    private int serve(LocalTarget.Planned planned, PrintWriter out, PrintWriter err) throws InterruptedException {
        DynamoDbLocalServer server = startQuietly();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread serving = Thread.currentThread();
        Thread hook = new Thread(() -> {
            serving.interrupt();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "project-planton-local-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try (DynamoDbClient client = LocalClients.ownServerClient(server.endpoint(), planned.region())) {
                up(server.endpoint(), client, planned, out, err);
            }
            String where = dataDir == null ? "in memory: the data goes when it stops" : "data kept in " + dataDir.toAbsolutePath();
            err.println("DynamoDB Local is serving table " + planned.table().name() + " at " + server.endpoint()
                    + " (127.0.0.1 only, " + where + "). Ctrl-C stops it.");
            err.println("Point an AWS SDK at it: endpoint " + server.endpoint() + ", region " + planned.region()
                    + ", any access key and secret (one database is shared by all credentials and regions).");
            err.println("  e.g. AWS_ENDPOINT_URL_DYNAMODB=" + server.endpoint() + " AWS_REGION=" + planned.region()
                    + ", or DynamoDbClient.builder().endpointOverride(URI.create(\"" + server.endpoint() + "\"))");
            err.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                err.println("stopping DynamoDB Local");
                err.flush();
            }
            return 0;
        } finally {
            server.close();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is stopping us
            }
        }
    }

    /**
     * DynamoDB Local prints a configuration banner on System.out and ANTLR version notes on
     * System.err while it starts; stdout and stderr are for our own lines.
     */
    private DynamoDbLocalServer startQuietly() {
        return quietly(() -> DynamoDbLocalServer.start(port, dataDir));
    }

    static <T> T quietly(java.util.function.Supplier<T> work) {
        synchronized (System.class) {
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            System.setErr(new PrintStream(PrintStream.nullOutputStream()));
            try {
                return work.get();
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        }
    }
}
