package org.project_planton.awsdynamodb.cli.local;

import java.net.URI;
import org.project_planton.awsdynamodb.cli.StackInputOptions;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What every local subcommand shares: the manifest (planned, never read a second way) and the endpoint. */
final class LocalTarget {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8000";

    @Mixin
    StackInputOptions stackInput;

    /** The plan, its table, and the region to address. */
    record Planned(Plan plan, PlannedTable table, String region) {}

    /** Plans the manifest; its warnings are printed to {@code warnings}. */
    Planned plan(java.io.PrintWriter warnings) throws InvalidManifestException {
        AwsDynamodbStackInput input = stackInput.load(warnings);
        Plan plan = Planner.plan(input);
        String region = input.getProviderConfig().getRegion();
        return new Planned(plan, PlannedTable.of(plan),
                region.isEmpty() ? LocalClients.DEFAULT_REGION : region);
    }

    static URI endpoint(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint " + text + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--endpoint must be an http or https URL such as " + DEFAULT_ENDPOINT + ", not " + text);
        }
        return uri;
    }

    /** Runs a piece of work against the endpoint, turning "nothing listens there" into one clear line. */
    static <T> T reach(URI endpoint, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("cannot reach a DynamoDB endpoint at " + endpoint
                    + " (is DynamoDB Local or LocalStack running there?): " + rootMessage(e));
        }
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
