package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.dynamodb.ContributorInsightsArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Optional;

/** CloudWatch Contributor Insights for the table, when the spec turns it on. */
public final class ContributorInsights {

  private ContributorInsights() {}

  public static Optional<com.pulumi.aws.dynamodb.ContributorInsights> create(
      Locals locals, com.pulumi.aws.dynamodb.Table table, com.pulumi.aws.Provider provider) {
    if (!locals.spec().getContributorInsightsEnabled()) {
      return Optional.empty();
    }
    return Optional.of(new com.pulumi.aws.dynamodb.ContributorInsights(
        locals.tableName() + "-contributor-insights",
        ContributorInsightsArgs.builder().tableName(table.name()).build(),
        CustomResourceOptions.builder().provider(provider).build()));
  }
}
