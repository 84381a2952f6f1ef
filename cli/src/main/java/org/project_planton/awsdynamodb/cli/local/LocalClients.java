package org.project_planton.awsdynamodb.cli.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB client for a local endpoint, with fixed dummy credentials that never leave this machine's endpoint. */
public final class LocalClients {
    /** DynamoDB Local accepts any credentials; these are placeholders, not secrets. */
    static final String DUMMY_ACCESS_KEY_ID = "local";
    static final String DUMMY_SECRET_ACCESS_KEY = "local";
    public static final String DEFAULT_REGION = "us-east-1";

    private LocalClients() {}

    public static DynamoDbClient client(URI endpoint, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DUMMY_ACCESS_KEY_ID, DUMMY_SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
