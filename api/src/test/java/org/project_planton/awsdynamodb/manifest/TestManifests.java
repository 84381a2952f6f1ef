package org.project_planton.awsdynamodb.manifest;

/** Manifests that several test classes start from, written once (the cli module's tests have their own TestManifests). */
final class TestManifests {
    private TestManifests() {}

    /** The smallest valid manifest: one PAY_PER_REQUEST table keyed by a string {@code pk}. */
    static final String MINIMAL = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - name: pk
                  type: S
              keySchema:
                - attributeName: pk
                  keyType: HASH
            """;
}
