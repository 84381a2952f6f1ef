package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.project_planton.awsdynamodb.pulumi.StackInputs.attribute;
import static org.project_planton.awsdynamodb.pulumi.StackInputs.key;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AttributeType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.ProjectionType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.ProvisionedThroughput;

class TableTest {

  private static Map<String, Object> table(java.util.function.Consumer<AwsDynamodbSpec.Builder> spec) {
    return ModuleRun.of(StackInputs.with(spec)).table();
  }

  @Test
  void minimalOnDemandTableSendsExactlyTheseInputs() {
    var run = ModuleRun.of(StackInputs.with(spec -> {}));
    assertEquals("orders", run.mocks().ofType(ModuleRun.TABLE).get(0).name, "logical name");
    assertEquals(Map.ofEntries(
        Map.entry("name", "orders"),
        Map.entry("billingMode", "PAY_PER_REQUEST"),
        Map.entry("attributes", List.of(Map.of("name", "pk", "type", "S"))),
        Map.entry("hashKey", "pk"),
        Map.entry("globalSecondaryIndexes", List.of()),
        Map.entry("localSecondaryIndexes", List.of()),
        Map.entry("ttl", Map.of("enabled", false)),
        Map.entry("pointInTimeRecovery", Map.of("enabled", false)),
        Map.entry("serverSideEncryption", Map.of("enabled", false)),
        Map.entry("streamEnabled", false),
        Map.entry("deletionProtectionEnabled", false),
        Map.entry("tags", Map.of(
            "planton.ai/resource", "true",
            "planton.ai/organization", "acme",
            "planton.ai/environment", "dev",
            "planton.ai/resource-kind", "AwsDynamodb",
            "planton.ai/resource-id", "awsddb-123",
            "Name", "orders"))),
        run.table());
  }

  private static ProvisionedThroughput capacity(long read, long write) {
    return ProvisionedThroughput.newBuilder().setReadCapacityUnits(read).setWriteCapacityUnits(write).build();
  }

  private static AwsDynamodbSpec.GlobalSecondaryIndex.Builder gsi(String name) {
    return AwsDynamodbSpec.GlobalSecondaryIndex.newBuilder().setName(name).addKeySchema(key("gk", KeyType.HASH));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> onlyGsi(Map<String, Object> table) {
    var gsis = (List<Map<String, Object>>) table.get("globalSecondaryIndexes");
    assertEquals(1, gsis.size());
    return gsis.get(0);
  }

  @Test
  void physicalNameIsMetadataName() {
    var input = StackInputs.input(StackInputs.metadata().setName("billing.events-2024"), StackInputs.minimalSpec());
    var run = ModuleRun.of(input);
    assertEquals("billing.events-2024", run.table().get("name"));
    assertEquals("billing.events-2024", run.mocks().ofType(ModuleRun.TABLE).get(0).name);
  }

  @Test
  void provisionedTableSendsCapacity() {
    var table = table(s -> s.setBillingMode(BillingMode.PROVISIONED).setProvisionedThroughput(capacity(5, 7)));
    assertEquals("PROVISIONED", table.get("billingMode"));
    assertEquals(5.0, table.get("readCapacity"));
    assertEquals(7.0, table.get("writeCapacity"));
  }

  @Test
  void onDemandTableSendsNoCapacity() {
    var table = table(s -> s.setBillingMode(BillingMode.PAY_PER_REQUEST));
    assertEquals("PAY_PER_REQUEST", table.get("billingMode"));
    assertFalse(table.containsKey("readCapacity"));
    assertFalse(table.containsKey("writeCapacity"));
  }

  @ParameterizedTest
  @CsvSource({"S,S", "N,N", "B,B"})
  void attributeTypesMapOneToOne(AttributeType type, String aws) {
    var table = table(s -> s.clearAttributeDefinitions().addAttributeDefinitions(attribute("pk", type)));
    assertEquals(List.of(Map.of("name", "pk", "type", aws)), table.get("attributes"));
  }

  @Test
  void hashAndRangeKeysComeFromKeySchemaWhateverTheirOrder() {
    var table = table(s -> s.clearKeySchema()
        .addAttributeDefinitions(attribute("sk", AttributeType.N))
        .addKeySchema(key("sk", KeyType.RANGE))
        .addKeySchema(key("pk", KeyType.HASH)));
    assertEquals("pk", table.get("hashKey"));
    assertEquals("sk", table.get("rangeKey"));
    assertEquals(List.of(Map.of("name", "pk", "type", "S"), Map.of("name", "sk", "type", "N")),
        table.get("attributes"));
  }

  @Test
  void noRangeKeyIsLeftOut() {
    assertFalse(table(s -> {}).containsKey("rangeKey"));
  }

  @Test
  void gsiOnProvisionedTableSendsEveryField() {
    var table = table(s -> s.setBillingMode(BillingMode.PROVISIONED).setProvisionedThroughput(capacity(1, 1))
        .addGlobalSecondaryIndexes(gsi("by-gk").addKeySchema(key("gr", KeyType.RANGE))
            .setProjection(AwsDynamodbSpec.Projection.newBuilder().setType(ProjectionType.INCLUDE)
                .addNonKeyAttributes("a").addNonKeyAttributes("b"))
            .setProvisionedThroughput(capacity(3, 4))));
    assertEquals(Map.of(
        "name", "by-gk", "hashKey", "gk", "rangeKey", "gr", "projectionType", "INCLUDE",
        "nonKeyAttributes", List.of("a", "b"), "readCapacity", 3.0, "writeCapacity", 4.0),
        onlyGsi(table));
  }

  @Test
  void gsiOnOnDemandTableSendsNoCapacityAndUnsetProjectionMeansAll() {
    var table = table(s -> s.addGlobalSecondaryIndexes(gsi("by-gk")));
    assertEquals(Map.of("name", "by-gk", "hashKey", "gk", "projectionType", "ALL"), onlyGsi(table));
  }

  @ParameterizedTest
  @CsvSource({"ALL,ALL", "KEYS_ONLY_PROJECTION,KEYS_ONLY", "PROJECTION_TYPE_UNSPECIFIED,ALL"})
  void projectionTypesMapToAwsNamesWithoutNonKeyAttributes(ProjectionType type, String aws) {
    var gsi = onlyGsi(table(s -> s.addGlobalSecondaryIndexes(
        gsi("by-gk").setProjection(AwsDynamodbSpec.Projection.newBuilder().setType(type)))));
    assertEquals(aws, gsi.get("projectionType"));
    assertFalse(gsi.containsKey("nonKeyAttributes"));
  }

  @Test
  void everyIndexIsSentInOrder() {
    var table = table(s -> s.addGlobalSecondaryIndexes(gsi("first")).addGlobalSecondaryIndexes(gsi("second")));
    @SuppressWarnings("unchecked")
    var names = ((List<Map<String, Object>>) table.get("globalSecondaryIndexes")).stream().map(g -> g.get("name")).toList();
    assertEquals(List.of("first", "second"), names);
  }

  @Test
  void lsiSendsRangeKeyProjectionAndIncludedAttributes() {
    var table = table(s -> s.addAttributeDefinitions(attribute("sk", AttributeType.S))
        .addKeySchema(key("sk", KeyType.RANGE))
        .addLocalSecondaryIndexes(AwsDynamodbSpec.LocalSecondaryIndex.newBuilder().setName("by-created")
            .addKeySchema(key("pk", KeyType.HASH)).addKeySchema(key("created", KeyType.RANGE))
            .setProjection(AwsDynamodbSpec.Projection.newBuilder().setType(ProjectionType.INCLUDE).addNonKeyAttributes("x")))
        .addLocalSecondaryIndexes(AwsDynamodbSpec.LocalSecondaryIndex.newBuilder().setName("by-updated")
            .addKeySchema(key("pk", KeyType.HASH)).addKeySchema(key("updated", KeyType.RANGE))
            .setProjection(AwsDynamodbSpec.Projection.newBuilder().setType(ProjectionType.KEYS_ONLY_PROJECTION))));
    assertEquals(List.of(
        Map.of("name", "by-created", "rangeKey", "created", "projectionType", "INCLUDE", "nonKeyAttributes", List.of("x")),
        Map.of("name", "by-updated", "rangeKey", "updated", "projectionType", "KEYS_ONLY")),
        table.get("localSecondaryIndexes"));
  }

  @Test
  void ttlEnabledSendsItsAttribute() {
    var table = table(s -> s.setTtl(AwsDynamodbSpec.TimeToLive.newBuilder().setEnabled(true).setAttributeName("expiresAt")));
    assertEquals(Map.of("enabled", true, "attributeName", "expiresAt"), table.get("ttl"));
  }

  @Test
  void ttlDisabledKeepsItsAttributeNameSoAwsCanTurnItOff() {
    var table = table(s -> s.setTtl(AwsDynamodbSpec.TimeToLive.newBuilder().setEnabled(false).setAttributeName("expiresAt")));
    assertEquals(Map.of("enabled", false, "attributeName", "expiresAt"), table.get("ttl"));
  }

  @Test
  void pointInTimeRecoveryIsSentExplicitlyOnAndOff() {
    assertEquals(Map.of("enabled", true), table(s -> s.setPointInTimeRecoveryEnabled(true)).get("pointInTimeRecovery"));
    assertEquals(Map.of("enabled", false), table(s -> s.setPointInTimeRecoveryEnabled(false)).get("pointInTimeRecovery"));
  }

  @Test
  void serverSideEncryptionSendsKmsKeyOnlyWhenSet() {
    var arn = "arn:aws:kms:us-east-1:123456789012:key/abcd-1234";
    assertEquals(Map.of("enabled", true, "kmsKeyArn", arn), table(s -> s.setServerSideEncryption(
        AwsDynamodbSpec.ServerSideEncryption.newBuilder().setEnabled(true).setKmsKeyArn(arn))).get("serverSideEncryption"));
    assertEquals(Map.of("enabled", true), table(s -> s.setServerSideEncryption(
        AwsDynamodbSpec.ServerSideEncryption.newBuilder().setEnabled(true))).get("serverSideEncryption"));
  }

  @ParameterizedTest
  @CsvSource({"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void streamSendsEnabledAndViewType(AwsDynamodbSpec.StreamViewType viewType) {
    var table = table(s -> s.setStreamEnabled(true).setStreamViewType(viewType));
    assertEquals(true, table.get("streamEnabled"));
    assertEquals(viewType.name(), table.get("streamViewType"));
  }

  @Test
  void streamOffSendsNoViewType() {
    var table = table(s -> s.setStreamEnabled(false));
    assertEquals(false, table.get("streamEnabled"));
    assertFalse(table.containsKey("streamViewType"));
  }

  @ParameterizedTest
  @CsvSource({"STANDARD", "STANDARD_INFREQUENT_ACCESS"})
  void tableClassIsExplicitWhenSet(AwsDynamodbSpec.TableClass tableClass) {
    assertEquals(tableClass.name(), table(s -> s.setTableClass(tableClass)).get("tableClass"));
  }

  @Test
  void unsetTableClassIsLeftOut() {
    assertFalse(table(s -> s.setTableClass(AwsDynamodbSpec.TableClass.TABLE_CLASS_UNSPECIFIED)).containsKey("tableClass"));
  }

  @Test
  void deletionProtectionIsSentOnAndOff() {
    assertEquals(true, table(s -> s.setDeletionProtectionEnabled(true)).get("deletionProtectionEnabled"));
    assertEquals(false, table(s -> s.setDeletionProtectionEnabled(false)).get("deletionProtectionEnabled"));
  }

  @Test
  void tagsLeaveOutEmptyMetadataValues() {
    var input = StackInputs.input(StackInputs.metadata().setOrg("").setEnv("").setId(""), StackInputs.minimalSpec());
    assertEquals(Map.of("planton.ai/resource", "true", "planton.ai/resource-kind", "AwsDynamodb", "Name", "orders"),
        ModuleRun.of(input).table().get("tags"));
  }

  @Test
  void tableUsesTheExplicitProvider() {
    var run = ModuleRun.of(StackInputs.with(s -> {}));
    var provider = run.mocks().ofType(ModuleRun.PROVIDER).get(0);
    var table = run.mocks().ofType(ModuleRun.TABLE).get(0);
    assertEquals("classic-provider", provider.name);
    org.junit.jupiter.api.Assertions.assertTrue(table.provider.contains("pulumi:providers:aws::classic-provider"),
        table.provider);
  }
}
