package org.project_planton.awsdynamodb.cli.pulumi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "delete", aliases = "rm", description = {
        "Remove the manifest's Pulumi stack, its state and its config file, but no AWS resource (pulumi stack rm).",
        "Refused while the stack still has resources, such as the table: run 'project-planton pulumi destroy' first, or pass --force"
                + " to remove the stack anyway and leave them in AWS, managed by no stack.",
        "Without --yes, pulumi asks on the terminal (you type the stack's name)."})
final class PulumiDeleteCommand extends PulumiStackCommand {
    /** The root resource every stack has; pulumi removes a stack that holds only this one (diy/backend.go RemoveStack). */
    private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    @Option(names = "--yes", description = "Remove without asking. Needed when there is no terminal to ask on.")
    boolean yes;

    @Option(names = "--force", description = "Remove the stack even though it still has resources; they stay in AWS, managed by no stack.")
    boolean force;

    @Override
    void checkBeforePulumi(StackName stack, boolean interactive) {
        PulumiCli.requireConfirmation(yes, interactive, "stack rm", "");
    }

    @Override
    void run(Run run) {
        String fqdn = run.stack().fqdn();
        List<String> left = resources(run.pulumi().capture("stack", "export", "--stack", fqdn).orFail("stack export").output());
        if (!left.isEmpty() && !force) {
            throw new IllegalArgumentException("stack " + fqdn + " still has " + count(left) + ": " + String.join(", ", left)
                    + "; run 'project-planton pulumi destroy' first to delete them, or pass --force to remove the stack and leave them in AWS; nothing was changed");
        }
        if (!left.isEmpty()) {
            run.err().println("project-planton: warning: --force: " + String.join(", ", left)
                    + " stay in AWS after stack " + fqdn + " is removed, managed by no stack");
            run.err().flush();
        }
        List<String> args = new ArrayList<>(List.of("stack", "rm", "--stack", fqdn));
        if (yes) {
            args.add("--yes");
        }
        if (force) {
            args.add("--force");
        }
        if (!run.interactive()) {
            args.add("--non-interactive");
        }
        stream(run, "stack rm " + fqdn, args);
    }

    /**
     * Every resource of {@code pulumi stack export} (apitype.UntypedDeployment) but the root stack,
     * as "TYPE NAME" (the name is its URN's last segment).
     */
    static List<String> resources(String exportJson) {
        List<String> resources = new ArrayList<>();
        try {
            JsonObject root = JsonParser.parseString(exportJson).getAsJsonObject();
            JsonObject deployment = root.has("deployment") ? root.getAsJsonObject("deployment") : new JsonObject();
            if (deployment.has("resources") && deployment.get("resources").isJsonArray()) {
                for (JsonElement element : deployment.getAsJsonArray("resources")) {
                    JsonObject resource = element.getAsJsonObject();
                    String type = resource.has("type") ? resource.get("type").getAsString() : "";
                    if (!type.equals(ROOT_STACK_TYPE)) {
                        String urn = resource.has("urn") ? resource.get("urn").getAsString() : "";
                        resources.add(type + " " + urn.substring(urn.lastIndexOf("::") + 2));
                    }
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalStateException("pulumi stack export printed something that is not a deployment: " + e.getMessage(), e);
        }
        return resources;
    }

    private static String count(List<String> resources) {
        return resources.size() == 1 ? "1 resource" : resources.size() + " resources";
    }
}
