package org.project_planton.awsdynamodb.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.project_planton.awsdynamodb.cli.ProjectPlanton;
import org.project_planton.awsdynamodb.cli.StackInputOptions;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What every local subcommand shares: the manifest (planned, never read a second way) and the endpoint. */
final class LocalTarget {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8000";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    @Mixin
    StackInputOptions stackInput;

    /** The plan, its table, and the region to address. */
    record Planned(Plan plan, PlannedTable table, String region) {}

    /** The command this is mixed into; its root holds the process environment. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Plans the manifest; its warnings are printed to {@code warnings}. The region is the
     * credentials file's, else the ambient one ({@link AmbientRegion}), else us-east-1.
     */
    Planned plan(java.io.PrintWriter warnings) throws InvalidManifestException {
        AwsDynamodbStackInput input = stackInput.load(warnings);
        Plan plan = Planner.plan(input);
        String region = input.getProviderConfig().getRegion();
        if (region.isEmpty()) {
            Map<String, String> environment = ((ProjectPlanton) command.root().userObject()).environmentVariables();
            region = AmbientRegion.of(environment).orElse(LocalClients.DEFAULT_REGION);
        }
        return new Planned(plan, PlannedTable.of(plan), region);
    }

    /** {@code --endpoint URL}: an http or https URL with a host; anything else is a usage error. */
    static final class EndpointUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + text + "' is not a URL; expected one such as " + DEFAULT_ENDPOINT);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new TypeConversionException("expected an http or https URL such as " + DEFAULT_ENDPOINT + ", not '" + text + "'");
            }
            return uri;
        }
    }

    /**
     * Fails at once when nothing accepts a connection at the endpoint: before the manifest is planned,
     * and before the SDK's retries (up to 8 for DynamoDB, with backoff) would spend seconds on a
     * refused connection.
     */
    static void probe(URI endpoint) {
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) PROBE_TIMEOUT.toMillis());
        } catch (SocketTimeoutException e) {
            throw unreachable(endpoint, "no answer within " + PROBE_TIMEOUT.toSeconds() + "s");
        } catch (IOException e) {
            throw unreachable(endpoint, e instanceof UnknownHostException ? "unknown host " + endpoint.getHost() : e.getMessage());
        }
    }

    /** Runs a piece of work against the endpoint, turning "nothing listens there" into one clear line. */
    static <T> T reach(URI endpoint, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkClientException e) {
            throw unreachable(endpoint, rootMessage(e));
        }
    }

    private static IllegalArgumentException unreachable(URI endpoint, String why) {
        return new IllegalArgumentException("cannot reach a DynamoDB endpoint at " + endpoint
                + " (is DynamoDB Local or LocalStack running there?): " + why);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    static AwsDynamodbStackOutputs outputs(LiveTable live, String region) {
        var t = live.table();
        AwsDynamodbStackOutputs.Builder outputs = AwsDynamodbStackOutputs.newBuilder()
                .setTableName(t.tableName())
                .setTableArn(t.tableArn())
                .setTableId(t.tableName())
                .setAwsRegion(region);
        if (t.streamSpecification() != null && Boolean.TRUE.equals(t.streamSpecification().streamEnabled())
                && t.latestStreamArn() != null) {
            outputs.setStreamArn(t.latestStreamArn());
            outputs.setStreamLabel(t.latestStreamLabel());
        }
        return outputs.build();
    }
}
