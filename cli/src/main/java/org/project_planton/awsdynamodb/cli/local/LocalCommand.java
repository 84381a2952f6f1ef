package org.project_planton.awsdynamodb.cli.local;

import picocli.CommandLine.Command;

/** {@code project-planton local up|down|status}: the manifest's table on DynamoDB Local or LocalStack, no AWS account. */
@Command(
        mixinStandardHelpOptions = true,
        name = "local",
        description = {
                "Run the manifest's table on this machine, with no AWS account.",
                "The table runs on DynamoDB Local (started for you) or on an endpoint you give (DynamoDB Local, "
                        + "LocalStack). It is the table `project-planton plan` shows, made with the DynamoDB API."},
        subcommands = {LocalUpCommand.class, LocalDownCommand.class, LocalStatusCommand.class})
public final class LocalCommand {
    public LocalCommand() {}
}
