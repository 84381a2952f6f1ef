package org.project_planton.awsdynamodb.cli.pulumi;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which Pulumi stack, and where the Pulumi project is: shared by every pulumi subcommand. */
final class PulumiStackOptions {
    @Option(names = "--stack", paramLabel = "ORG/PROJECT/STACK", converter = StackName.Flag.class,
            description = "The Pulumi stack. The manifest's label pulumi.project-planton.org/stack.fqdn takes precedence; "
                    + "so do its labels pulumi.project-planton.org/organization, /project and /stack.name, each over its part.")
    StackName stack;

    @Option(names = "--module-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The Pulumi module directory, holding Pulumi.yaml (default: the current directory).")
    Path moduleDirectory;
}
