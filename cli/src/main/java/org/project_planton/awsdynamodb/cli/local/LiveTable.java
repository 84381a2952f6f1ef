package org.project_planton.awsdynamodb.cli.local;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** What the endpoint reports about a table: DescribeTable, DescribeTimeToLive and, where implemented, continuous backups. */
public record LiveTable(TableDescription table, TimeToLiveDescription ttl, Boolean pointInTimeRecovery) {

    /** The live table, or empty when the endpoint has no table of that name. */
    public static Optional<LiveTable> read(DynamoDbClient client, String name) {
        TableDescription table;
        try {
            table = client.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        Boolean pitr = null;
        try {
            pitr = "ENABLED".equals(client.describeContinuousBackups(b -> b.tableName(name))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
        } catch (DynamoDbException e) {
            if (!Unsupported.is(e)) {
                throw e;
            }
        }
        return Optional.of(new LiveTable(table, ttl, pitr));
    }
}
