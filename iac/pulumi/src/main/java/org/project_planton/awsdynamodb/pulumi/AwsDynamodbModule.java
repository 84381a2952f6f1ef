package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** The module: everything one AwsDynamodb stack input creates, in dependency order. */
public final class AwsDynamodbModule {

  private AwsDynamodbModule() {}

  public static void resources(Context ctx, AwsDynamodbStackInput input) {
    var locals = Locals.of(input);
    var provider = Provider.create(locals);
    var table = Table.create(locals, provider);
    ContributorInsights.create(locals, table, provider);
    AutoScaling.create(locals, table, provider);
    ResourcePolicy.create(locals, table, provider);
    KinesisStreamingDestination.create(locals, table, provider);
    Outputs.export(ctx, locals, table);
  }
}
