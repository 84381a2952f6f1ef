package org.project_planton.awsdynamodb.cli;

import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "update", description = {
        "Create or update the table (pulumi up), then print the stack outputs.",
        "Without --yes, pulumi shows its preview and asks for confirmation on the terminal."})
final class PulumiUpdateCommand extends PulumiOperation {
    PulumiUpdateCommand() {
        super("up", true, true);
    }
}
