package org.project_planton.awsdynamodb.pulumi.plan;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's answers for the offline plan: every resource echoes its inputs, and the
 * table gets deterministic placeholder values for what AWS computes (ARN, stream ARN and label).
 */
final class PlanMocks implements Mocks {

  static final String ACCOUNT_ID = "123456789012";
  static final String STREAM_LABEL = "1970-01-01T00:00:00.000";
  static final String PROVIDER_TYPE = "pulumi:providers:aws";

  private volatile String region;

  /** @param region used for ARNs unless the provider is registered with a region of its own */
  PlanMocks(String region) {
    this.region = region;
  }

  @Override
  public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
    var state = new HashMap<String, Object>(args.inputs);
    String id = args.name + "-id";
    if (PROVIDER_TYPE.equals(args.type) && args.inputs.get("region") instanceof String r) {
      region = r;
    }
    if (PlannedResource.TABLE_TYPE.equals(args.type)) {
      var name = (String) args.inputs.getOrDefault("name", args.name);
      var arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name;
      id = name; // DynamoDB's table id is its name
      state.put("arn", arn);
      if (Boolean.TRUE.equals(args.inputs.get("streamEnabled"))) {
        state.put("streamArn", arn + "/stream/" + STREAM_LABEL);
        state.put("streamLabel", STREAM_LABEL);
      }
      if (args.inputs.get("replicas") instanceof List<?> replicas) {
        state.put("replicas", replicas.stream().map(r -> replica(r, name)).toList());
      }
    }
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
  }

  /** A replica as AWS reports it: its inputs plus its own table and stream ARN in its Region. */
  private static Object replica(Object inputs, String tableName) {
    if (!(inputs instanceof Map<?, ?> map) || !(map.get("regionName") instanceof String region)) {
      return inputs;
    }
    var replica = new HashMap<Object, Object>(map);
    var arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + tableName;
    replica.put("arn", arn);
    replica.put("streamArn", arn + "/stream/" + STREAM_LABEL);
    replica.put("streamLabel", STREAM_LABEL);
    return replica;
  }
}
