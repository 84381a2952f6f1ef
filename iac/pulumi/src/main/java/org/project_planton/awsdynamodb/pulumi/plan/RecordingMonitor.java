package org.project_planton.awsdynamodb.pulumi.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, recording each registration request exactly as the engine would
 * receive it. The request still carries Pulumi's secret markers, which the public {@link Mocks}
 * callback no longer shows (it hands over plaintext), so secrets are recognised here.
 */
final class RecordingMonitor extends MockMonitor {

  private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

  private final List<PlannedResource> registered = Collections.synchronizedList(new ArrayList<>());

  RecordingMonitor(Mocks mocks, Log log) {
    super(mocks, log);
  }

  @Override
  public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
      Resource resource, RegisterResourceRequest request) {
    if (!ROOT_STACK_TYPE.equals(request.getType())) {
      registered.add(new PlannedResource(
          request.getType(), request.getName(), EngineValues.of(request.getObject()),
          request.getIgnoreChangesList()));
    }
    return super.registerResourceAsync(resource, request);
  }

  List<PlannedResource> registered() {
    synchronized (registered) {
      return List.copyOf(registered);
    }
  }
}
