package org.project_planton.awsdynamodb.pulumi.plan;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's answers for the offline plan: every resource echoes its inputs, and the
 * table gets deterministic placeholder values for what AWS computes (ARN, stream ARN and label).
 * It records each resource in the order the engine receives them.
 */
final class PlanMocks implements Mocks {

  static final String ACCOUNT_ID = "123456789012";
  static final String STREAM_LABEL = "1970-01-01T00:00:00.000";
  static final String PROVIDER_TYPE = "pulumi:providers:aws";

  private final List<PlannedResource> registered = Collections.synchronizedList(new ArrayList<>());
  private volatile String region;

  /** @param region used for ARNs unless the provider is registered with a region of its own */
  PlanMocks(String region) {
    this.region = region;
  }

  @Override
  public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
    registered.add(new PlannedResource(args.type, args.name, plainMap(args.inputs)));
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
    }
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
  }

  /** What the mock engine was asked to create, in order (the stack itself is not a resource). */
  List<PlannedResource> registered() {
    synchronized (registered) {
      return List.copyOf(registered);
    }
  }

  /**
   * A value as the mocks receive it, in the plan's shape: maps sorted by key, whole numbers
   * (the wire has only doubles) as longs.
   */
  static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    }
    if (value instanceof List<?> list) {
      var copy = new ArrayList<Object>();
      list.forEach(v -> copy.add(plain(v)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Number n) {
      var d = n.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (Object) (long) d : (Object) d;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(PlanMocks::plain).orElse(null);
    }
    return value;
  }

  private static Map<String, Object> plainMap(Map<?, ?> map) {
    var sorted = new TreeMap<String, Object>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), plain(v)));
    return Collections.unmodifiableMap(sorted);
  }
}
