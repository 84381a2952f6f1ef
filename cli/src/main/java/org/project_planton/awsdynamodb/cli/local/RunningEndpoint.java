package org.project_planton.awsdynamodb.cli.local;

import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --endpoint} for the subcommands that work on a table already served somewhere. */
final class RunningEndpoint {
    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = LocalTarget.DEFAULT_ENDPOINT, converter = LocalTarget.EndpointUrl.class,
            description = "The endpoint holding the table (default ${DEFAULT-VALUE}, where `local up` serves).")
    URI endpoint;

    URI uri() {
        return endpoint;
    }
}
