package org.project_planton.awsdynamodb.cli;

import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "destroy", description = {
        "Delete the table and everything else in the stack (pulumi destroy), with the table's data.",
        "Without --yes, pulumi lists what it will delete and asks for confirmation on the terminal."})
final class PulumiDestroyCommand extends PulumiOperation {
    PulumiDestroyCommand() {
        super("destroy", true, false);
    }
}
