package org.project_planton.awsdynamodb.cli.pulumi;

import org.project_planton.awsdynamodb.cli.ProjectPlanton;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        mixinStandardHelpOptions = true,
        name = "pulumi",
        description = {
                "Deploy the manifest's table with the Pulumi CLI, which you install.",
                "Install pulumi from https://www.pulumi.com/docs/iac/download-install/. The manifest is validated first, "
                        + "exactly as 'validate' does; an invalid one never reaches pulumi."},
        subcommands = {PulumiPreviewCommand.class, PulumiUpdateCommand.class, PulumiRefreshCommand.class, PulumiDestroyCommand.class,
                PulumiInitCommand.class, PulumiDeleteCommand.class, PulumiCancelCommand.class})
public final class PulumiCommand {
    @ParentCommand
    ProjectPlanton root;
}
