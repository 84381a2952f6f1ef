package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import com.pulumi.aws.dynamodb.outputs.TableReplica;
import com.pulumi.core.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The stack outputs, named exactly as the fields of AwsDynamodbStackOutputs. */
public final class Outputs {

  public static final String TABLE_NAME = "table_name";
  public static final String TABLE_ARN = "table_arn";
  public static final String TABLE_ID = "table_id";
  public static final String STREAM_ARN = "stream_arn";
  public static final String STREAM_LABEL = "stream_label";
  public static final String AWS_REGION = "aws_region";
  public static final String REPLICA_ARNS = "replica_arns";
  public static final String REPLICA_STREAM_ARNS = "replica_stream_arns";

  private Outputs() {}

  public static void export(Context ctx, Locals locals, com.pulumi.aws.dynamodb.Table table) {
    ctx.export(TABLE_NAME, table.name());
    ctx.export(TABLE_ARN, table.arn());
    ctx.export(TABLE_ID, table.id());
    if (locals.spec().getStreamEnabled()) {
      ctx.export(STREAM_ARN, table.streamArn());
      ctx.export(STREAM_LABEL, table.streamLabel());
    }
    ctx.export(AWS_REGION, region(locals, table));
    if (locals.spec().getReplicasCount() > 0) {
      ctx.export(REPLICA_ARNS, table.replicas().applyValue(r -> byRegion(r, TableReplica::arn)));
      ctx.export(REPLICA_STREAM_ARNS, table.replicas().applyValue(r -> byRegion(r, TableReplica::streamArn)));
    }
  }

  /** Region to value, in the replicas' order, for the replicas AWS reported a value for. */
  static Map<String, String> byRegion(Optional<List<TableReplica>> replicas,
      Function<TableReplica, Optional<String>> value) {
    var values = new LinkedHashMap<String, String>();
    replicas.orElse(List.of()).forEach(r -> value.apply(r).ifPresent(v -> values.put(r.regionName(), v)));
    return values;
  }

  /**
   * provider_config.region when given. Otherwise the provider resolved the region from the
   * ambient configuration, and the table's ARN (arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME)
   * records exactly the region the table was created in. Reading it from the ARN needs no extra
   * invoke (such as aws:index/getRegion) and cannot disagree with where the table really is.
   */
  static Output<String> region(Locals locals, com.pulumi.aws.dynamodb.Table table) {
    return locals.configuredRegion()
        .map(Output::of)
        .orElseGet(() -> table.arn().applyValue(Outputs::regionOfArn));
  }

  static String regionOfArn(String arn) {
    var parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      throw new IllegalArgumentException("not an ARN: " + arn);
    }
    return parts[3];
  }
}
