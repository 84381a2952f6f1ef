package org.project_planton.awsdynamodb.cli.local;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Recognises an endpoint's answer that it does not implement an operation (DynamoDB Local's gaps). */
final class Unsupported {
    private Unsupported() {}

    static boolean is(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? String.valueOf(e.getMessage()) : String.valueOf(e.awsErrorDetails().errorMessage());
        return code.contains("UnknownOperation") || message.contains("unknown operation")
                || message.contains("not currently supported") || message.contains("not supported");
    }
}
