package org.project_planton.awsdynamodb.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.project_planton.awsdynamodb.cli.ProjectPlanton;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.project_planton.awsdynamodb.cli.StackInputOptions;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What every local subcommand shares: the manifest (planned, never read a second way) and the endpoint. */
final class LocalTarget {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8000";

    @Mixin
    StackInputOptions stackInput;

    /** The command this is mixed into; its root holds the process environment. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    /** The plan, its table, the region to address, and the manifest file's spelling of field names (for messages). */
    record Planned(Plan plan, PlannedTable table, String region, UnaryOperator<String> spelling) {}

    /** Plans the manifest; its warnings are printed to {@code warnings}. */
    Planned plan(java.io.PrintWriter warnings) throws InvalidManifestException {
        Manifests.Loaded<AwsDynamodbStackInput> loaded = stackInput.load(warnings);
        AwsDynamodbStackInput input = loaded.message();
        Plan plan = Planner.plan(input);
        String region = input.getProviderConfig().getRegion();
        if (region.isEmpty()) {
            Map<String, String> environment = ((ProjectPlanton) command.root().userObject()).environment().variables();
            region = AmbientRegion.of(environment).orElse(LocalClients.DEFAULT_REGION);
        }
        return new Planned(plan, PlannedTable.of(plan), region, loaded::spelled);
    }

    /** {@code --endpoint URL}, checked as {@link #endpoint} checks it; anything else is a usage error. */
    static final class EndpointUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            try {
                return endpoint(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Fails at once when nothing accepts a connection at the endpoint: before the manifest is planned,
     * and before the SDK's retries would spend seconds on a refused connection.
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

    private static IllegalArgumentException unreachable(URI endpoint, String why) {
        return new IllegalArgumentException("cannot reach a DynamoDB endpoint at " + endpoint
                + " (is DynamoDB Local or LocalStack running there?): " + why);
    }

    /**
     * The endpoint URL. One with a user name or password is refused, and never echoed: DynamoDB
     * signs requests with AWS credentials, so the user info can only be a secret in the wrong place.
     */
    static URI endpoint(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint " + withoutUserInfo(text) + " is not a URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--endpoint must not carry a user name or password (" + withoutUserInfo(text)
                    + "): DynamoDB signs requests with AWS credentials instead");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--endpoint must be an http or https URL such as " + DEFAULT_ENDPOINT + ", not " + withoutUserInfo(text));
        }
        return uri;
    }

    /** {@code text} with whatever stands between {@code //} and {@code @} masked. */
    static String withoutUserInfo(String text) {
        return text.replaceFirst("(?<=//)[^/?#]*@", "***@");
    }

    /**
     * Runs a piece of work against the endpoint, turning "nothing listens there", "it does not answer"
     * and "what answers is not DynamoDB" into one clear line each.
     */
    static <T> T reach(URI endpoint, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NotDynamoDbException e) {
            throw notDynamoDb(endpoint, e);
        } catch (SdkClientException e) {
            NotDynamoDbException answer = find(e, NotDynamoDbException.class);
            if (answer != null) {
                throw notDynamoDb(endpoint, answer);
            }
            if (find(e, ApiCallTimeoutException.class) != null || find(e, ApiCallAttemptTimeoutException.class) != null || readTimedOut(e)) {
                throw new IllegalArgumentException("the endpoint at " + endpoint + " accepted the connection but did not answer within "
                        + LocalClients.CALL_TIMEOUT.toSeconds() + " s; is it DynamoDB?");
            }
            if (String.valueOf(e.getMessage()).startsWith("Unable to unmarshall")) {
                throw notDynamoDb(endpoint, new NotDynamoDbException("its answer is not DynamoDB's JSON"));
            }
            throw new IllegalArgumentException("cannot reach a DynamoDB endpoint at " + endpoint
                    + " (is DynamoDB Local or LocalStack running there?): " + rootMessage(e));
        }
    }

    private static IllegalArgumentException notDynamoDb(URI endpoint, NotDynamoDbException e) {
        return new IllegalArgumentException("the endpoint at " + endpoint + " is not DynamoDB: " + e.getMessage());
    }

    /** A read timed out, not the connect: something accepted the connection. */
    private static boolean readTimedOut(Throwable e) {
        SocketTimeoutException timeout = find(e, SocketTimeoutException.class);
        return timeout != null && !String.valueOf(timeout.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    private static <X extends Throwable> X find(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
