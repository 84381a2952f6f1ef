package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.project_planton.awsdynamodb.pulumi.StackInputs.key;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AutoScalingDimension;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.ProvisionedThroughput;

/** Fields 15 to 23 of the spec: the inputs and resources each one registers. */
class NewTableFeaturesTest {

  private static final String TARGET = "aws:appautoscaling/target:Target";
  private static final String POLICY = "aws:appautoscaling/policy:Policy";
  private static final String RESOURCE_POLICY = "aws:dynamodb/resourcePolicy:ResourcePolicy";
  private static final String KINESIS = "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination";

  private static ProvisionedThroughput capacity(long read, long write) {
    return ProvisionedThroughput.newBuilder().setReadCapacityUnits(read).setWriteCapacityUnits(write).build();
  }

  private static AutoScalingDimension.Builder dimension(long min, long max, int target) {
    return AutoScalingDimension.newBuilder().setMinCapacity(min).setMaxCapacity(max).setTargetUtilizationPercent(target);
  }

  private static AwsDynamodbSpec.Builder provisionedWithIndex(AwsDynamodbSpec.Builder spec) {
    return spec.setBillingMode(BillingMode.PROVISIONED).setProvisionedThroughput(capacity(5, 5))
        .addAttributeDefinitions(StackInputs.attribute("gk", AwsDynamodbSpec.AttributeType.S))
        .addGlobalSecondaryIndexes(AwsDynamodbSpec.GlobalSecondaryIndex.newBuilder().setName("byGk")
            .addKeySchema(key("gk", KeyType.HASH)).setProvisionedThroughput(capacity(5, 5)));
  }

  @Test
  void userTagsAreAddedToThePlatformTags() {
    var tags = ModuleRun.of(StackInputs.with(s -> s.putTags("team", "payments").putTags("a", ""))).table().get("tags");
    assertEquals(Map.of(
        "planton.ai/resource", "true",
        "planton.ai/organization", "acme",
        "planton.ai/environment", "dev",
        "planton.ai/resource-kind", "AwsDynamodb",
        "planton.ai/resource-id", "awsddb-123",
        "Name", "orders",
        "team", "payments",
        "a", ""), tags);
  }

  @Test
  void recoveryPeriodIsSentOnlyWhenGiven() {
    assertEquals(Map.of("enabled", true, "recoveryPeriodInDays", 7.0), ModuleRun.of(StackInputs.with(s -> s
        .setPointInTimeRecoveryEnabled(true).setPointInTimeRecoveryPeriodInDays(7))).table().get("pointInTimeRecovery"));
    assertEquals(Map.of("enabled", true), ModuleRun.of(StackInputs.with(s -> s
        .setPointInTimeRecoveryEnabled(true))).table().get("pointInTimeRecovery"));
  }

  @Test
  void onDemandLimitsOnTableAndIndexLeaveOutUnsetValues() {
    var table = ModuleRun.of(StackInputs.with(s -> s
        .setOnDemandThroughput(AwsDynamodbSpec.OnDemandThroughput.newBuilder().setMaxReadRequestUnits(-1).setMaxWriteRequestUnits(10))
        .addAttributeDefinitions(StackInputs.attribute("gk", AwsDynamodbSpec.AttributeType.S))
        .addGlobalSecondaryIndexes(AwsDynamodbSpec.GlobalSecondaryIndex.newBuilder().setName("byGk")
            .addKeySchema(key("gk", KeyType.HASH))
            .setOnDemandThroughput(AwsDynamodbSpec.OnDemandThroughput.newBuilder().setMaxReadRequestUnits(2147483647))))).table();
    assertEquals(Map.of("maxReadRequestUnits", -1.0, "maxWriteRequestUnits", 10.0), table.get("onDemandThroughput"));
    var gsi = (Map<?, ?>) ((List<?>) table.get("globalSecondaryIndexes")).get(0);
    assertEquals(Map.of("maxReadRequestUnits", 2147483647.0), gsi.get("onDemandThroughput"));
  }

  @Test
  void autoScalingRegistersATargetAndAPolicyPerDimension() {
    var run = ModuleRun.of(StackInputs.with(s -> provisionedWithIndex(s)
        .setAutoScaling(AwsDynamodbSpec.AutoScaling.newBuilder()
            .setRead(dimension(1, 100, 70).setScaleInCooldownSeconds(60).setScaleOutCooldownSeconds(30))
            .setWrite(dimension(2, 50, 50)))
        .setGlobalSecondaryIndexes(0, s.getGlobalSecondaryIndexes(0).toBuilder()
            .setAutoScaling(AwsDynamodbSpec.AutoScaling.newBuilder().setWrite(dimension(3, 30, 20))))));
    var targets = run.mocks().ofType(TARGET);
    assertEquals(List.of("orders-read-scaling-target", "orders-write-scaling-target", "orders-index-byGk-write-scaling-target"),
        targets.stream().map(t -> t.name).toList());
    assertEquals(Map.of("serviceNamespace", "dynamodb", "resourceId", "table/orders",
        "scalableDimension", "dynamodb:table:ReadCapacityUnits", "minCapacity", 1.0, "maxCapacity", 100.0), targets.get(0).inputs);
    assertEquals(Map.of("serviceNamespace", "dynamodb", "resourceId", "table/orders/index/byGk",
        "scalableDimension", "dynamodb:index:WriteCapacityUnits", "minCapacity", 3.0, "maxCapacity", 30.0), targets.get(2).inputs);
    var policies = run.mocks().ofType(POLICY);
    assertEquals(3, policies.size());
    var read = policies.stream().filter(p -> p.name.equals("orders-read-scaling-policy")).findFirst().orElseThrow().inputs;
    assertEquals(Map.of(
        "name", "DynamoDBReadCapacityUtilization:table/orders",
        "policyType", "TargetTrackingScaling",
        "serviceNamespace", "dynamodb",
        "resourceId", "table/orders",
        "scalableDimension", "dynamodb:table:ReadCapacityUnits",
        "targetTrackingScalingPolicyConfiguration", Map.of(
            "predefinedMetricSpecification", Map.of("predefinedMetricType", "DynamoDBReadCapacityUtilization"),
            "targetValue", 70.0, "scaleInCooldown", 60.0, "scaleOutCooldown", 30.0)), read);
  }

  @Test
  void noAutoScalingResourcesWithoutAutoScaling() {
    var run = ModuleRun.of(StackInputs.with(NewTableFeaturesTest::provisionedWithIndex));
    assertEquals(List.of(), run.mocks().ofType(TARGET));
    assertEquals(List.of(), run.mocks().ofType(POLICY));
  }

  @Test
  void theTableIgnoresExactlyTheCapacityTheAutoscalerOwns() {
    var input = StackInputs.with(s -> provisionedWithIndex(s)
        .setAutoScaling(AwsDynamodbSpec.AutoScaling.newBuilder().setWrite(dimension(1, 10, 70)))
        .setGlobalSecondaryIndexes(0, s.getGlobalSecondaryIndexes(0).toBuilder()
            .setAutoScaling(AwsDynamodbSpec.AutoScaling.newBuilder().setRead(dimension(1, 10, 70)))));
    PlannedResource table = Planner.plan(input).resources().stream()
        .filter(r -> r.type().equals(PlannedResource.TABLE_TYPE)).findFirst().orElseThrow();
    assertEquals(List.of("writeCapacity", "globalSecondaryIndexes[*].readCapacity"), table.ignoreChanges());

    PlannedResource plain = Planner.plan(StackInputs.with(NewTableFeaturesTest::provisionedWithIndex)).resources().stream()
        .filter(r -> r.type().equals(PlannedResource.TABLE_TYPE)).findFirst().orElseThrow();
    assertEquals(List.of(), plain.ignoreChanges());
  }

  @Test
  void replicasAreSentWithEveryField() {
    var table = ModuleRun.of(StackInputs.with(s -> s.setStreamEnabled(true)
        .setStreamViewType(AwsDynamodbSpec.StreamViewType.NEW_AND_OLD_IMAGES)
        .addReplicas(AwsDynamodbSpec.Replica.newBuilder().setRegionName("eu-west-1")
            .setKmsKeyArn("arn:aws:kms:eu-west-1:123456789012:key/k").setPointInTimeRecoveryEnabled(true).setPropagateTags(true))
        .addReplicas(AwsDynamodbSpec.Replica.newBuilder().setRegionName("us-west-2")))).table();
    assertEquals(List.of(
        Map.of("regionName", "eu-west-1", "kmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/k",
            "pointInTimeRecovery", true, "propagateTags", true),
        Map.of("regionName", "us-west-2", "pointInTimeRecovery", false, "propagateTags", false)), table.get("replicas"));
    assertFalse(ModuleRun.of(StackInputs.with(s -> {})).table().containsKey("replicas"));
  }

  @Test
  void resourcePolicyIsAttachedToTheTableArn() {
    var policy = "{\"Statement\": []}";
    var run = ModuleRun.of(StackInputs.with(s -> s.setResourcePolicy(policy)));
    assertEquals(Map.of("resourceArn", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "policy", policy),
        run.mocks().only(RESOURCE_POLICY));
    assertEquals("orders-resource-policy", run.mocks().ofType(RESOURCE_POLICY).get(0).name);
    assertEquals(List.of(), ModuleRun.of(StackInputs.with(s -> {})).mocks().ofType(RESOURCE_POLICY));
  }

  @Test
  void kinesisDestinationNamesTheTableAndTheStream() {
    var arn = "arn:aws:kinesis:us-east-1:123456789012:stream/changes";
    var run = ModuleRun.of(StackInputs.with(s -> s.setKinesisStreamingDestination(
        AwsDynamodbSpec.KinesisStreamingDestination.newBuilder().setStreamArn(arn).setApproximateCreationDateTimePrecision(
            AwsDynamodbSpec.KinesisStreamingDestination.ApproximateCreationDateTimePrecision.MICROSECOND))));
    assertEquals(Map.of("streamArn", arn, "tableName", "orders", "approximateCreationDateTimePrecision", "MICROSECOND"),
        run.mocks().only(KINESIS));
    var unsetPrecision = ModuleRun.of(StackInputs.with(s -> s.setKinesisStreamingDestination(
        AwsDynamodbSpec.KinesisStreamingDestination.newBuilder().setStreamArn(arn))));
    assertEquals(Map.of("streamArn", arn, "tableName", "orders"), unsetPrecision.mocks().only(KINESIS));
  }

  @Test
  void importSourceBecomesImportTable() {
    var table = ModuleRun.of(StackInputs.with(s -> s.setImportSource(AwsDynamodbSpec.ImportSource.newBuilder()
        .setS3Bucket("acme").setS3KeyPrefix("exports/").setS3BucketOwner("123456789012")
        .setInputFormat(AwsDynamodbSpec.ImportSource.InputFormat.CSV)
        .setInputCompressionType(AwsDynamodbSpec.ImportSource.InputCompressionType.ZSTD)
        .setCsv(AwsDynamodbSpec.ImportSource.Csv.newBuilder().setDelimiter(";").addHeaderList("pk").addHeaderList("n"))))).table();
    assertEquals(Map.of(
        "s3BucketSource", Map.of("bucket", "acme", "keyPrefix", "exports/", "bucketOwner", "123456789012"),
        "inputFormat", "CSV",
        "inputCompressionType", "ZSTD",
        "inputFormatOptions", Map.of("csv", Map.of("delimiter", ";", "headerLists", List.of("pk", "n")))),
        table.get("importTable"));
    var minimal = ModuleRun.of(StackInputs.with(s -> s.setImportSource(AwsDynamodbSpec.ImportSource.newBuilder()
        .setS3Bucket("acme").setInputFormat(AwsDynamodbSpec.ImportSource.InputFormat.ION)))).table();
    assertEquals(Map.of("s3BucketSource", Map.of("bucket", "acme"), "inputFormat", "ION"), minimal.get("importTable"));
  }

  @Test
  void restoreSourceBecomesTheRestoreInputs() {
    var byName = ModuleRun.of(StackInputs.with(s -> s.setRestoreSource(AwsDynamodbSpec.RestoreSource.newBuilder()
        .setSourceTableName("orders-old").setRestoreDateTime("2026-01-31T12:00:00Z")))).table();
    assertEquals("orders-old", byName.get("restoreSourceName"));
    assertEquals("2026-01-31T12:00:00Z", byName.get("restoreDateTime"));
    assertFalse(byName.containsKey("restoreToLatestTime"));
    assertFalse(byName.containsKey("restoreSourceTableArn"));

    var arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders-old";
    var byArn = ModuleRun.of(StackInputs.with(s -> s.setRestoreSource(AwsDynamodbSpec.RestoreSource.newBuilder()
        .setSourceTableArn(arn).setUseLatestRestorableTime(true)))).table();
    assertEquals(arn, byArn.get("restoreSourceTableArn"));
    assertEquals(true, byArn.get("restoreToLatestTime"));
    assertFalse(byArn.containsKey("restoreDateTime"));
    assertFalse(byArn.containsKey("restoreSourceName"));
  }
}
