package org.project_planton.awsdynamodb.cli;

/** Manifests that several test classes start from, written once. */
public final class TestManifests {
    private TestManifests() {}

    /** The smallest valid manifest: one PAY_PER_REQUEST table keyed by a string {@code pk}. */
    public static final String MINIMAL = """
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

    /** {@link #MINIMAL} with more {@code metadata} fields: {@code lines} indented two spaces, each ending in a newline. */
    public static String withMetadata(String lines) {
        return MINIMAL.replace("  name: orders\n", "  name: orders\n" + lines);
    }
}
