package org.project_planton.awsdynamodb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which Pulumi stack, and where the Pulumi project is: shared by every pulumi subcommand. */
final class PulumiStackOptions {
    @Option(names = "--stack", paramLabel = "ORG/PROJECT/STACK",
            description = "The Pulumi stack. The manifest's labels pulumi.project-planton.org/stack.fqdn, or "
                    + "pulumi.project-planton.org/organization, /project and /stack.name, take precedence.")
    String stack;

    @Option(names = "--module-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The Pulumi module directory, holding Pulumi.yaml (default: the current directory).")
    Path moduleDirectory;
}
