package org.project_planton.awsdynamodb.pulumi.plan;

import java.util.Map;

/**
 * One resource the program registered: its Pulumi type token, logical name and input properties
 * as the engine received them, secrets shown as {@code [secret]}.
 */
public record PlannedResource(String type, String name, Map<String, Object> inputs) {
  /** The Pulumi type token of the DynamoDB table. */
  public static final String TABLE_TYPE = "aws:dynamodb/table:Table";
}
