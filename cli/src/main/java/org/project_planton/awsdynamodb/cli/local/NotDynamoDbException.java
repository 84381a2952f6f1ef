package org.project_planton.awsdynamodb.cli.local;

/** The endpoint answered, but not as DynamoDB does: another server listens at that address. */
final class NotDynamoDbException extends RuntimeException {
    NotDynamoDbException(String why) {
        super(why, null, false, false);
    }
}
