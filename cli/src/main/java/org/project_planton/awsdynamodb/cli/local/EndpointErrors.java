package org.project_planton.awsdynamodb.cli.local;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The endpoint's own words for a rejected request, without the SDK's request id and retry details. */
final class EndpointErrors {
    private EndpointErrors() {}

    static String message(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return String.valueOf(e.getMessage());
        }
        String code = e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails().errorMessage();
        return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message.strip());
    }
}
