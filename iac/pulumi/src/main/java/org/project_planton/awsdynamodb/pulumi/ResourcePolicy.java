package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.dynamodb.ResourcePolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Optional;

/** The table's resource-based policy, when the spec gives one. */
public final class ResourcePolicy {

  private ResourcePolicy() {}

  public static Optional<com.pulumi.aws.dynamodb.ResourcePolicy> create(
      Locals locals, com.pulumi.aws.dynamodb.Table table, com.pulumi.aws.Provider provider) {
    if (locals.spec().getResourcePolicy().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new com.pulumi.aws.dynamodb.ResourcePolicy(
        locals.tableName() + "-resource-policy",
        ResourcePolicyArgs.builder().resourceArn(table.arn()).policy(locals.spec().getResourcePolicy()).build(),
        CustomResourceOptions.builder().provider(provider).build()));
  }
}
