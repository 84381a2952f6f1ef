package org.project_planton.awsdynamodb.cli.pulumi;

import java.util.List;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "destroy", description = {
        "Delete the table and everything else in the stack (pulumi destroy), with the table's data.",
        "Says first which table goes, and whether AWS will refuse because deletion protection is on.",
        "Without --yes, pulumi lists what it will delete and asks for confirmation on the terminal."})
final class PulumiDestroyCommand extends PulumiOperation {
    PulumiDestroyCommand() {
        super("destroy", true, false);
    }

    /** One line before pulumi asks: which table goes with its items, from what is deployed. */
    @Override
    List<String> prepare(Run run) {
        var deployed = ReplacementGuard.deployed(run.pulumi(), run.stack());
        if (deployed.isEmpty()) {
            run.err().println("project-planton: stack " + run.stack().fqdn() + " has no table deployed");
        } else {
            TableDefinition table = deployed.get();
            boolean protectedTable = Boolean.parseBoolean(String.valueOf(table.inputs().get("deletionProtectionEnabled")));
            run.err().println(protectedTable
                    ? "project-planton: warning: table " + table.name() + " has deletion protection on, so AWS will refuse to delete it;"
                            + " to delete it, set spec.deletionProtectionEnabled: false and run `project-planton pulumi update` first"
                    : "project-planton: warning: pulumi destroy deletes table " + table.name() + " and all its items");
        }
        run.err().flush();
        return List.of();
    }
}
