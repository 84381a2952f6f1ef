package org.project_planton.awsdynamodb.cli.pulumi;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "cancel", description = {
        "Unlock the manifest's stack after a crashed or interrupted update (pulumi cancel): the running update, if any, is"
                + " cancelled, and on a self-managed backend the stack's lock files are deleted.",
        "Only when no other update is really running: a resource operation still pending may leave the stack out of step"
                + " with AWS; run 'project-planton pulumi refresh' afterwards.",
        "Without --yes, pulumi asks on the terminal."})
final class PulumiCancelCommand extends PulumiStackCommand {
    @Option(names = "--yes", description = "Cancel without asking. Needed when there is no terminal to ask on.")
    boolean yes;

    @Override
    void checkBeforePulumi(StackName stack, boolean interactive) {
        PulumiCli.requireConfirmation(yes, interactive, "cancel", "");
    }

    @Override
    void run(Run run) {
        List<String> args = new ArrayList<>(List.of("cancel", "--stack", run.stack().fqdn()));
        if (yes) {
            args.add("--yes");
        }
        if (!run.interactive()) {
            args.add("--non-interactive");
        }
        stream(run, "cancel", args);
    }
}
