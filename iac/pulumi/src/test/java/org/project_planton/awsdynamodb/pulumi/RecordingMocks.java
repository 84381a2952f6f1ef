package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Test double for the Pulumi engine: records every resource registration (type, name, inputs as
 * the mock engine hands them over, which is plaintext and numbers as doubles) and answers with
 * the inputs plus a fixed table ARN in eu-west-1, and each replica's ARNs in its own Region.
 */
final class RecordingMocks implements Mocks {

  static final String REGION_IN_ARN = "eu-west-1";

  private final List<ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());

  @Override
  public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
    registered.add(args);
    var state = new HashMap<String, Object>(args.inputs);
    if (args.type.equals("aws:dynamodb/table:Table")) {
      var arn = "arn:aws:dynamodb:" + REGION_IN_ARN + ":111122223333:table/" + args.inputs.get("name");
      state.put("arn", arn);
      state.put("streamArn", arn + "/stream/label");
      state.put("streamLabel", "label");
      if (args.inputs.get("replicas") instanceof List<?> replicas) {
        state.put("replicas", replicas.stream().map(r -> {
          var replica = new HashMap<Object, Object>((Map<?, ?>) r);
          var replicaArn = "arn:aws:dynamodb:" + replica.get("regionName") + ":111122223333:table/" + args.inputs.get("name");
          replica.put("arn", replicaArn);
          replica.put("streamArn", replicaArn + "/stream/label");
          return replica;
        }).toList());
      }
    }
    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
  }

  List<ResourceArgs> registered() {
    synchronized (registered) {
      return List.copyOf(registered);
    }
  }

  List<ResourceArgs> ofType(String type) {
    return registered().stream().filter(r -> r.type.equals(type)).toList();
  }

  Map<String, Object> only(String type) {
    var found = ofType(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + ", registered: " + found.size());
    }
    return found.get(0).inputs;
  }
}
