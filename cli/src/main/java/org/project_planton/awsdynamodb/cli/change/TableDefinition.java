package org.project_planton.awsdynamodb.cli.change;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;

/**
 * A table in the terms of the Pulumi program: the inputs of its {@code aws:dynamodb/table:Table}
 * resource (from a plan, from the inputs recorded in a stack's state, or read back from a live
 * table), whether contributor insights, a resource of its own, is on, and the input paths the
 * program tells Pulumi to ignore once the table exists (the capacity Application Auto Scaling owns).
 */
public record TableDefinition(Map<String, Object> inputs, boolean contributorInsights, List<String> ignoreChanges) {
    public TableDefinition {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // state may hold nulls
        ignoreChanges = List.copyOf(ignoreChanges);
    }

    /** A definition whose changes are all applied (nothing ignored). */
    public TableDefinition(Map<String, Object> inputs, boolean contributorInsights) {
        this(inputs, contributorInsights, List.of());
    }

    /** The table a plan registers; a plan without exactly one table is a bug in the program, not in the manifest. */
    public static TableDefinition of(Plan plan) {
        PlannedResource table = table(plan);
        return new TableDefinition(table.inputs(),
                plan.resources().stream().anyMatch(r -> r.type().equals(PlannedResource.CONTRIBUTOR_INSIGHTS_TYPE)), table.ignoreChanges());
    }

    /** The one table resource of a plan. */
    public static PlannedResource table(Plan plan) {
        var tables = plan.resources().stream().filter(r -> r.type().equals(PlannedResource.TABLE_TYPE)).toList();
        if (tables.size() != 1) {
            throw new IllegalStateException("the plan registers " + tables.size() + " resources of type "
                    + PlannedResource.TABLE_TYPE + ", expected 1");
        }
        return tables.get(0);
    }

    /** The physical table name. */
    public String name() {
        return inputs.get("name") == null ? null : inputs.get("name").toString();
    }
}
