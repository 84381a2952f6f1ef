package org.project_planton.awsdynamodb.cli.pulumi;

import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "init", description = {
        "Create the manifest's Pulumi stack and nothing else (pulumi stack init): no program runs, nothing is deployed.",
        "A stack that exists already is left as it is. preview and update create the stack too; init is for a stack made ahead, as ProjectPlanton's 'pulumi init' does."})
final class PulumiInitCommand extends PulumiStackCommand {
    @Override
    void run(Run run) {
        String fqdn = run.stack().fqdn();
        // Asked first, so that an existing stack is not an error (pkg/cmd/pulumi/stack: select fails on a missing stack).
        if (run.pulumi().capture("stack", "select", "--stack", fqdn).ok()) {
            run.out().println("project-planton: stack " + fqdn + " already exists; nothing to do");
            return;
        }
        run.out().print(run.pulumi().capture("stack", "init", "--stack", fqdn).orFail("stack init " + fqdn).output());
        run.out().flush();
    }
}
