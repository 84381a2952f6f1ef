package org.project_planton.awsdynamodb.cli.pulumi;

import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "refresh", description = {
        "Read the live table into the stack's state (pulumi refresh), then print the stack outputs.",
        "Without --yes, pulumi asks for confirmation on the terminal."})
final class PulumiRefreshCommand extends PulumiOperation {
    PulumiRefreshCommand() {
        super("refresh", true, true);
    }
}
