package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Map;
import java.util.Set;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;

class OutputsTest {

  /** The contract: the field names of AwsDynamodbStackOutputs, read from its descriptor. */
  private static Set<String> contractNames() {
    return AwsDynamodbStackOutputs.getDescriptor().getFields().stream()
        .map(FieldDescriptor::getName).collect(Collectors.toSet());
  }

  @Test
  void withStreamsAndReplicasEveryContractOutputIsExported() {
    var run = ModuleRun.of(StackInputs.with(s -> s.setStreamEnabled(true)
        .setStreamViewType(AwsDynamodbSpec.StreamViewType.NEW_AND_OLD_IMAGES)
        .addReplicas(AwsDynamodbSpec.Replica.newBuilder().setRegionName("us-west-2"))
        .addReplicas(AwsDynamodbSpec.Replica.newBuilder().setRegionName("ap-south-1"))));
    assertEquals(contractNames(), run.result().outputs().keySet());
    assertEquals("arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/label", run.output("stream_arn"));
    assertEquals("label", run.output("stream_label"));
    assertEquals(Map.of("us-west-2", "arn:aws:dynamodb:us-west-2:111122223333:table/orders",
        "ap-south-1", "arn:aws:dynamodb:ap-south-1:111122223333:table/orders"), run.output(Outputs.REPLICA_ARNS));
    assertEquals(Map.of("us-west-2", "arn:aws:dynamodb:us-west-2:111122223333:table/orders/stream/label",
        "ap-south-1", "arn:aws:dynamodb:ap-south-1:111122223333:table/orders/stream/label"), run.output(Outputs.REPLICA_STREAM_ARNS));
  }

  @Test
  void withoutStreamsOrReplicasTheirOutputsAreLeftOut() {
    var run = ModuleRun.of(StackInputs.with(s -> {}));
    var expected = contractNames().stream()
        .filter(n -> !n.startsWith("stream_") && !n.startsWith("replica_")).collect(Collectors.toSet());
    assertEquals(expected, run.result().outputs().keySet());
    assertEquals(4, expected.size());
  }

  @Test
  void tableOutputsComeFromTheTable() {
    var run = ModuleRun.of(StackInputs.with(s -> {}));
    assertEquals("orders", run.output(Outputs.TABLE_NAME));
    assertEquals("arn:aws:dynamodb:eu-west-1:111122223333:table/orders", run.output(Outputs.TABLE_ARN));
    assertEquals("orders-id", run.output(Outputs.TABLE_ID));
  }

  @Test
  void regionIsProviderConfigRegionWhenGiven() {
    var input = StackInputs.with(s -> {}).toBuilder().setProviderConfig(StackInputs.providerConfig()).build();
    assertEquals("ap-south-1", ModuleRun.of(input).output(Outputs.AWS_REGION));
  }

  @Test
  void regionIsReadFromTheTableArnWithoutProviderConfig() {
    assertEquals(RecordingMocks.REGION_IN_ARN, ModuleRun.of(StackInputs.with(s -> {})).output(Outputs.AWS_REGION));
  }

  @Test
  void regionOfArn() {
    assertEquals("us-gov-west-1", Outputs.regionOfArn("arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/t"));
    assertThrows(IllegalArgumentException.class, () -> Outputs.regionOfArn("orders"));
  }
}
