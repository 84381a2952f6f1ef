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

  /** The Pulumi type token of the DynamoDB table. */
  public static final String TABLE_TYPE = "aws:dynamodb/table:Table";
}
