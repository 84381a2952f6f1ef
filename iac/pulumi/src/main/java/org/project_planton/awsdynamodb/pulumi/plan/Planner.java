package org.project_planton.awsdynamodb.pulumi.plan;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.project_planton.awsdynamodb.pulumi.AwsDynamodbModule;
import org.project_planton.awsdynamodb.pulumi.Outputs;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;

/**
 * Runs the real module program ({@link AwsDynamodbModule}) under the Pulumi Java SDK's mock
 * engine, through its public testing API ({@link PulumiTest}, {@link com.pulumi.test.Mocks}), and
 * reports what it registers. Needs no Pulumi CLI, network or AWS account.
 *
 * <p>The mocks receive each resource's inputs as the engine would, but with secrets already
 * opened; the plan marks as {@code [secret]} every string that holds one of the stack input's
 * credentials, the only values this module makes secret. That the real program sends exactly
 * those as secrets, and registers exactly what the plan shows, is checked against the built
 * program jar under a stand-in Pulumi engine (cli's ProgramJarTest).
 */
public final class Planner {

  /** Region for placeholder ARNs when neither provider_config nor AWS_REGION gives one. */
  static final String FALLBACK_REGION = "us-east-1";

  /** Outputs AWS computes on a real deployment; the mock engine fills in placeholders. */
  private static final Set<String> COMPUTED_OUTPUTS =
      Set.of(Outputs.TABLE_ARN, Outputs.TABLE_ID, Outputs.STREAM_ARN, Outputs.STREAM_LABEL);

  /**
   * The JUL logger the SDK's public test API logs through (PulumiTestInternal's class name): kept
   * off the console, so a program error becomes one PlanException line and nothing else.
   */
  private static final Logger SDK_TEST_LOGGER = quiet("com.pulumi.test.internal.PulumiTestInternal");

  private Planner() {}

  /** Plans one validated stack input. Runs are serialised: the SDK's deployment is a singleton. */
  public static synchronized Plan plan(AwsDynamodbStackInput input) {
    var scrubber = new SecretScrubber(List.of(
        input.getProviderConfig().getAccessKeyId(),
        input.getProviderConfig().getSecretAccessKey(),
        input.getProviderConfig().getSessionToken()));
    var mocks = new PlanMocks(input.getProviderConfig().getRegion().isEmpty()
        ? FALLBACK_REGION : input.getProviderConfig().getRegion());
    try {
      var result = PulumiTest.withMocks(mocks)
          .withOptions(TestOptions.builder().projectName("awsdynamodb").stackName("plan").build())
          .runTest(ctx -> AwsDynamodbModule.resources(ctx, input));
      if (!result.errors().isEmpty() || !result.exceptions().isEmpty()) {
        var messages = new ArrayList<String>(result.errors());
        result.exceptions().forEach(e -> messages.add(String.valueOf(e.getMessage())));
        throw new PlanException(scrubber.scrubString("the program failed under the mock engine: "
            + String.join("; ", messages)));
      }
      var resources = mocks.registered().stream()
          .map(r -> new PlannedResource(r.type(), r.name(), scrubber.scrubMap(r.inputs())))
          .toList();
      var outputs = scrubber.scrubMap(outputs(result.outputs()));
      // Without provider_config.region, aws_region comes from the placeholder ARN as well.
      var regionGiven = !input.getProviderConfig().getRegion().isEmpty();
      var placeholders = outputs.keySet().stream()
          .filter(k -> COMPUTED_OUTPUTS.contains(k) || (!regionGiven && k.equals(Outputs.AWS_REGION)))
          .toList();
      return new Plan(resources, outputs, placeholders);
    } finally {
      PulumiTest.cleanup();
    }
  }

  /** The exported outputs in the field order of AwsDynamodbStackOutputs. */
  private static Map<String, Object> outputs(Map<String, Output<?>> exported) {
    var outputs = new LinkedHashMap<String, Object>();
    for (var field : AwsDynamodbStackOutputs.getDescriptor().getFields()) {
      var output = exported.get(field.getName());
      if (output != null) {
        outputs.put(field.getName(), PlanMocks.plain(PulumiTest.extractValue(output)));
      }
    }
    exported.keySet().stream().sorted().filter(k -> !outputs.containsKey(k))
        .forEach(k -> outputs.put(k, PlanMocks.plain(PulumiTest.extractValue(exported.get(k)))));
    return outputs;
  }

  private static Logger quiet(String name) {
    var logger = Logger.getLogger(name);
    logger.setUseParentHandlers(false);
    return logger;
  }
}
