package org.project_planton.awsdynamodb.pulumi.plan;

import java.util.List;
import java.util.Map;

/**
 * One resource the program registered: its Pulumi type token, logical name and input properties
 * as the engine received them, secrets shown as {@code [secret]}; and the input paths whose later
 * changes Pulumi is told to ignore (the {@code ignoreChanges} option), often none.
 */
public record PlannedResource(String type, String name, Map<String, Object> inputs, List<String> ignoreChanges) {

  public PlannedResource {
    ignoreChanges = List.copyOf(ignoreChanges);
  }

  public PlannedResource(String type, String name, Map<String, Object> inputs) {
    this(type, name, inputs, List.of());
  }

  /** The Pulumi type tokens of what the program registers: the DynamoDB table, and the resources beside it. */
  public static final String TABLE_TYPE = "aws:dynamodb/table:Table";
  public static final String CONTRIBUTOR_INSIGHTS_TYPE = "aws:dynamodb/contributorInsights:ContributorInsights";
  public static final String SCALING_TARGET_TYPE = "aws:appautoscaling/target:Target";
  public static final String SCALING_POLICY_TYPE = "aws:appautoscaling/policy:Policy";
  public static final String RESOURCE_POLICY_TYPE = "aws:dynamodb/resourcePolicy:ResourcePolicy";
  public static final String KINESIS_DESTINATION_TYPE =
      "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination";
}
