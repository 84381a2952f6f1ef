package org.project_planton.awsdynamodb.pulumi.plan;

import com.pulumi.core.Output;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.project_planton.awsdynamodb.pulumi.AwsDynamodbModule;
import org.project_planton.awsdynamodb.pulumi.Outputs;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;

/**
 * Runs the real module program ({@link AwsDynamodbModule}) under the Pulumi Java SDK's mock
 * engine and reports what it registers. Needs no Pulumi CLI, network or AWS account.
 */
public final class Planner {

  /** Region for placeholder ARNs when neither provider_config nor AWS_REGION gives one. */
  static final String FALLBACK_REGION = "us-east-1";

  /** Outputs AWS computes on a real deployment; the mock engine fills in placeholders. */
  private static final Set<String> COMPUTED_OUTPUTS =
      Set.of(Outputs.TABLE_ARN, Outputs.TABLE_ID, Outputs.STREAM_ARN, Outputs.STREAM_LABEL,
          Outputs.REPLICA_ARNS, Outputs.REPLICA_STREAM_ARNS);

  private static final Logger QUIET = quietLogger();

  private Planner() {}

  /** Plans one validated stack input. Runs are serialised: the SDK's deployment is a singleton. */
  public static synchronized Plan plan(AwsDynamodbStackInput input) {
    var scrubber = new SecretScrubber(List.of(
        input.getProviderConfig().getAccessKeyId(),
        input.getProviderConfig().getSecretAccessKey(),
        input.getProviderConfig().getSessionToken()));
    var mocks = new PlanMocks(input.getProviderConfig().getRegion().isEmpty()
        ? FALLBACK_REGION : input.getProviderConfig().getRegion());
    var monitor = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(QUIET));
    var test = PulumiTestInternal.builder()
        .options(TestOptions.builder().projectName("awsdynamodb").stackName("plan").build())
        .mocks(mocks)
        .standardLogger(QUIET)
        .monitorDecorator(unused -> monitor)
        .build();
    try {
      var result = test.runTest(ctx -> AwsDynamodbModule.resources(ctx, input));
      if (!result.errors().isEmpty() || !result.exceptions().isEmpty()) {
        var messages = new ArrayList<String>(result.errors());
        result.exceptions().forEach(e -> messages.add(String.valueOf(e.getMessage())));
        throw new PlanException(scrubber.scrubString("the program failed under the mock engine: "
            + String.join("; ", messages)));
      }
      var resources = monitor.registered().stream()
          .map(r -> new PlannedResource(r.type(), r.name(), scrubber.scrubMap(r.inputs()), r.ignoreChanges()))
          .toList();
      var outputs = scrubber.scrubMap(outputs(result.outputs()));
      // Without provider_config.region, aws_region comes from the placeholder ARN as well.
      var regionGiven = !input.getProviderConfig().getRegion().isEmpty();
      var placeholders = outputs.keySet().stream()
          .filter(k -> COMPUTED_OUTPUTS.contains(k) || (!regionGiven && k.equals(Outputs.AWS_REGION)))
          .toList();
      return new Plan(resources, outputs, placeholders);
    } finally {
      PulumiTestInternal.cleanup();
    }
  }

  /** The exported outputs in the field order of AwsDynamodbStackOutputs; secret ones masked. */
  private static Map<String, Object> outputs(Map<String, Output<?>> exported) {
    var outputs = new LinkedHashMap<String, Object>();
    for (var field : AwsDynamodbStackOutputs.getDescriptor().getFields()) {
      var output = exported.get(field.getName());
      if (output != null) {
        outputs.put(field.getName(), value(output));
      }
    }
    exported.keySet().stream().sorted().filter(k -> !outputs.containsKey(k))
        .forEach(k -> outputs.put(k, value(exported.get(k))));
    return outputs;
  }

  private static Object value(Output<?> output) {
    var data = PulumiTestInternal.extractOutputData(output);
    if (data.isSecret()) {
      return EngineValues.SECRET;
    }
    return data.isKnown() ? data.getValueNullable() : EngineValues.UNKNOWN;
  }

  private static Logger quietLogger() {
    var logger = Logger.getLogger(Planner.class.getName() + ".pulumi");
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.OFF);
    return logger;
  }
}
