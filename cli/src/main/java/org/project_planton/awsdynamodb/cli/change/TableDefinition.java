package org.project_planton.awsdynamodb.cli.change;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;

/**
 * A table in the terms of the Pulumi program: the inputs of its {@code aws:dynamodb/table:Table}
 * resource (from a plan, from the inputs recorded in a stack's state, or read back from a live
 * table), and whether contributor insights, a resource of its own, is on.
 */
public record TableDefinition(Map<String, Object> inputs, boolean contributorInsights) {
    /** The Pulumi type token of the contributor insights resource the program registers when enabled. */
    public static final String CONTRIBUTOR_INSIGHTS_TYPE = "aws:dynamodb/contributorInsights:ContributorInsights";

    public TableDefinition {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // state may hold nulls
    }

    /** The table a plan registers; a plan without exactly one table is a bug in the program, not in the manifest. */
    public static TableDefinition of(Plan plan) {
        return new TableDefinition(table(plan).inputs(),
                plan.resources().stream().anyMatch(r -> r.type().equals(CONTRIBUTOR_INSIGHTS_TYPE)));
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
