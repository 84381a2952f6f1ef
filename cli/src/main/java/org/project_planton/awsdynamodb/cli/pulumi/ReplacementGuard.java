package org.project_planton.awsdynamodb.cli.pulumi;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.project_planton.awsdynamodb.cli.change.Change;
import org.project_planton.awsdynamodb.cli.change.ChangeClassifier;
import org.project_planton.awsdynamodb.cli.change.ReplacementRefused;
import org.project_planton.awsdynamodb.cli.change.TableDefinition;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;

/**
 * The guard on {@code pulumi update}: the table is never replaced or deleted unless the user
 * passed {@code --allow-replace}, and is told plainly even then.
 *
 * <p>Before {@code pulumi up} runs, it reads what is deployed ({@code pulumi stack export}: the
 * table's last inputs) and asks two questions. The change classifier compares those inputs with
 * the plan of the new manifest; and {@code pulumi preview --json --save-plan FILE} gives the
 * engine's own view. Either one saying "replace" or "delete" stops the update. The classifier is
 * needed because pulumi-aws plans some replacements as updates (a key attribute's type,
 * pulumi-aws#1057); the engine is needed for what the classifier cannot see, such as a stack whose
 * state holds other resources. What then runs is {@code pulumi up --plan FILE}: the engine refuses
 * to do more than the preview that was checked (pkg/cmd/pulumi/operations/up.go, {@code --plan},
 * hidden while experimental but accepted).
 */
final class ReplacementGuard {
    /** Step operations of pulumi preview --json (pkg/resource/deploy/step.go) that delete the table's items. */
    static final Set<String> DESTRUCTIVE_OPS = Set.of("replace", "create-replacement", "delete-replaced", "delete", "import-replacement");

    private ReplacementGuard() {}

    /**
     * Checks the update of {@code stack} to {@code planned}: saves pulumi's preview to {@code planFile},
     * prints a note per in-place change with its reason, and refuses (one line per cause) a
     * replacement or deletion of the table unless {@code allowReplace}, when it warns instead. A change
     * is printed as {@code line} words it.
     */
    static void check(PulumiCli pulumi, StackName stack, TableDefinition planned, Function<Change, String> line, boolean allowReplace,
                      Path planFile, PrintWriter err) {
        Optional<TableDefinition> deployed = deployed(pulumi, stack);
        List<Change> changes = deployed.map(d -> ChangeClassifier.classify(d, planned)).orElse(List.of());
        PulumiCli.Captured preview = pulumi.capture("preview", "--stack", stack.fqdn(), "--json", "--save-plan", planFile.toString(),
                "--non-interactive").orFail("preview");
        List<String> causes = new ArrayList<>();
        changes.stream().filter(Change::replacesTable).map(line).forEach(causes::add);
        causes.addAll(engineCauses(preview.output()));
        changes.stream().filter(c -> !c.replacesTable()).forEach(c -> err.println("project-planton: note: " + line.apply(c)));
        if (causes.isEmpty()) {
            err.flush();
            return;
        }
        String table = deployed.map(TableDefinition::name).orElse(planned.name());
        if (!allowReplace) {
            err.flush();
            throw new ReplacementRefused(causes, "refusing to run pulumi up: it would delete table " + table
                    + " and all its items; nothing was changed. Review it with `project-planton diff`;"
                    + " pass --allow-replace only if losing the items is intended");
        }
        causes.forEach(c -> err.println("project-planton: warning: " + c));
        err.println("project-planton: warning: --allow-replace: table " + table + " and all its items will be deleted;"
                + " with a name set by the manifest the old table goes before the new one exists. Back it up first if you need the data.");
        err.flush();
    }

    /** The table as the stack's state last recorded it, or empty when none is deployed (nothing to lose). */
    static Optional<TableDefinition> deployed(PulumiCli pulumi, StackName stack) {
        return deployed(pulumi.capture("stack", "export", "--stack", stack.fqdn()).orFail("stack export").output());
    }

    /**
     * Reads {@code pulumi stack export} (apitype.UntypedDeployment, version 3): the inputs of the
     * live {@code aws:dynamodb/table:Table}, leaving out resources pending deletion.
     */
    @SuppressWarnings("unchecked")
    static Optional<TableDefinition> deployed(String exportJson) {
        JsonObject deployment;
        try {
            JsonObject root = JsonParser.parseString(exportJson).getAsJsonObject();
            deployment = root.has("deployment") ? root.getAsJsonObject("deployment") : new JsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalStateException("pulumi stack export printed something that is not a deployment: " + e.getMessage(), e);
        }
        Map<String, Object> table = null;
        boolean contributorInsights = false;
        if (deployment.has("resources")) {
            for (JsonElement element : deployment.getAsJsonArray("resources")) {
                JsonObject resource = element.getAsJsonObject();
                if (resource.has("delete") && resource.get("delete").getAsBoolean()) {
                    continue;
                }
                String type = resource.has("type") ? resource.get("type").getAsString() : "";
                if (type.equals(PlannedResource.TABLE_TYPE) && table == null) {
                    table = resource.has("inputs") ? new Gson().fromJson(resource.get("inputs"), Map.class) : Map.of();
                } else if (type.equals(PlannedResource.CONTRIBUTOR_INSIGHTS_TYPE)) {
                    contributorInsights = true;
                }
            }
        }
        return table == null ? Optional.empty() : Optional.of(new TableDefinition(table, contributorInsights));
    }

    /**
     * One line per table that {@code pulumi preview --json} (a display.PreviewDigest) plans to
     * replace or delete, named by its URN's last segment.
     */
    static List<String> engineCauses(String previewJson) {
        JsonObject digest;
        try {
            digest = JsonParser.parseString(previewJson).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalStateException("pulumi preview --json printed something that is not a preview: " + e.getMessage(), e);
        }
        Set<String> causes = new LinkedHashSet<>();
        if (!digest.has("steps")) {
            return List.of();
        }
        for (JsonElement element : digest.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            String op = step.has("op") ? step.get("op").getAsString() : "";
            String urn = step.has("urn") ? step.get("urn").getAsString() : "";
            if (!DESTRUCTIVE_OPS.contains(op) || !isTable(urn)) {
                continue;
            }
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            List<String> reasons = new ArrayList<>();
            if (step.has("replaceReasons")) {
                step.getAsJsonArray("replaceReasons").forEach(r -> reasons.add(r.getAsString()));
            }
            causes.add(op.equals("delete")
                    ? "pulumi preview: table " + name + " would be deleted, with all its items"
                    : "pulumi preview: table " + name + " would be replaced, which deletes its items"
                            + (reasons.isEmpty() ? "" : " (pulumi-aws replaces it for: " + String.join(", ", reasons) + ")"));
        }
        return List.copyOf(causes);
    }

    /** A URN is urn:pulumi:STACK::PROJECT::[PARENT-TYPE$]TYPE::NAME. */
    private static boolean isTable(String urn) {
        String[] parts = urn.split("::");
        if (parts.length < 4) {
            return false;
        }
        String type = parts[parts.length - 2];
        return type.equals(PlannedResource.TABLE_TYPE) || type.endsWith("$" + PlannedResource.TABLE_TYPE);
    }
}
