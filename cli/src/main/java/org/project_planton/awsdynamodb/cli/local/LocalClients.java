package org.project_planton.awsdynamodb.cli.local;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.project_planton.awsdynamodb.manifest.Text;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client for a local endpoint, with fixed dummy credentials that never leave this machine's endpoint.
 *
 * <p>For an endpoint the user names, the limits are for a local server, not for AWS across the
 * internet: the SDK's defaults (8 attempts, no call timeout) made an endpoint that accepts
 * connections and never answers cost minutes. Each attempt has {@link #ATTEMPT_TIMEOUT}, a call makes
 * at most two attempts, and a whole call gives up after {@link #CALL_TIMEOUT}. The DynamoDB Local
 * this process starts itself cannot be a stranger that never answers, but its first calls are slow
 * (SQLite and the JIT warming up in this JVM), so its client is patient instead.
 * Either way, an answer that is not DynamoDB's (a web page, some other JSON service) is refused as
 * {@link NotDynamoDbException}.
 */
public final class LocalClients {
    /** DynamoDB Local accepts any credentials; these are placeholders, not secrets. */
    static final String DUMMY_ACCESS_KEY_ID = "local";
    static final String DUMMY_SECRET_ACCESS_KEY = "local";
    public static final String DEFAULT_REGION = "us-east-1";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** DynamoDB Local answers in milliseconds; this leaves room for a machine under load. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private LocalClients() {}

    /** Limits for one client: the connect, each attempt, the whole call, and how many attempts. */
    private record Limits(Duration connect, Duration attempt, Duration call, int attempts) {}

    private static final Limits NAMED_ENDPOINT = new Limits(CONNECT_TIMEOUT, ATTEMPT_TIMEOUT, CALL_TIMEOUT, 2);
    private static final Limits OWN_SERVER = new Limits(CONNECT_TIMEOUT, Duration.ofMinutes(2), Duration.ofMinutes(5), 3);

    /** A client for an endpoint the user named with --endpoint. */
    public static DynamoDbClient client(URI endpoint, String region) {
        return client(endpoint, region, NAMED_ENDPOINT);
    }

    /** A client for the DynamoDB Local this process started. */
    public static DynamoDbClient ownServerClient(URI endpoint, String region) {
        return client(endpoint, region, OWN_SERVER);
    }

    private static DynamoDbClient client(URI endpoint, String region, Limits limits) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DUMMY_ACCESS_KEY_ID, DUMMY_SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(limits.connect())
                        .socketTimeout(limits.attempt())
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(limits.attempt())
                        .apiCallTimeout(limits.call())
                        .retryStrategy(r -> r.maxAttempts(limits.attempts()))
                        .addExecutionInterceptor(new DynamoDbAnswersOnly()))
                .build();
    }

    /**
     * DynamoDB answers in JSON of its own media type, {@code application/x-amz-json-1.0}, success and
     * error alike; so do DynamoDB Local and LocalStack. Anything else is another server at that address.
     */
    private static final class DynamoDbAnswersOnly implements ExecutionInterceptor {
        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            SdkHttpResponse response = context.httpResponse();
            String type = response.firstMatchingHeader("Content-Type").orElse("");
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json")) {
                throw new NotDynamoDbException("it answered " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                        + " with HTTP " + response.statusCode() + (type.isEmpty() ? " and no Content-Type" : " and Content-Type " + Text.cut(type)));
            }
        }
    }
}
