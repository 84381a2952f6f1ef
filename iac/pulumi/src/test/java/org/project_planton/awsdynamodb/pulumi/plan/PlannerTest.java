package org.project_planton.awsdynamodb.pulumi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.project_planton.provider.aws.AwsProviderConfig;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AttributeDefinition;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AttributeType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.shared.CloudResourceMetadata;

class PlannerTest {

  /** Recognisable fake credentials; none of them may appear in a plan. */
  private static final String ACCESS_KEY = "ASIAFAKEPLANKEY12345";
  private static final String SECRET_KEY = "planSecretplanSecretplanSecretplanSecret";
  private static final String SESSION_TOKEN = "PlanSessionTokenQwErTy";

  private static AwsDynamodbStackInput input(boolean withCredentials) {
    var spec = AwsDynamodbSpec.newBuilder()
        .setBillingMode(BillingMode.PROVISIONED)
        .setProvisionedThroughput(AwsDynamodbSpec.ProvisionedThroughput.newBuilder()
            .setReadCapacityUnits(5).setWriteCapacityUnits(2))
        .addAttributeDefinitions(AttributeDefinition.newBuilder().setName("pk").setType(AttributeType.S))
        .addKeySchema(KeySchemaElement.newBuilder().setAttributeName("pk").setKeyType(KeyType.HASH))
        .setStreamEnabled(true)
        .setStreamViewType(AwsDynamodbSpec.StreamViewType.NEW_IMAGE)
        .setContributorInsightsEnabled(true);
    var builder = AwsDynamodbStackInput.newBuilder().setTarget(AwsDynamodb.newBuilder()
        .setApiVersion("aws.project-planton.org/v1").setKind("AwsDynamodb")
        .setMetadata(CloudResourceMetadata.newBuilder().setName("orders"))
        .setSpec(spec));
    if (withCredentials) {
      builder.setProviderConfig(AwsProviderConfig.newBuilder().setAccountId("123456789012")
          .setAccessKeyId(ACCESS_KEY).setSecretAccessKey(SECRET_KEY).setSessionToken(SESSION_TOKEN)
          .setRegion("eu-central-1"));
    }
    return builder.build();
  }

  @Test
  void resourcesAreListedInRegistrationOrderWithTypeTokens() {
    var plan = Planner.plan(input(true));
    assertEquals(List.of(
            "pulumi:providers:aws classic-provider",
            "aws:dynamodb/table:Table orders",
            "aws:dynamodb/contributorInsights:ContributorInsights orders-contributor-insights"),
        plan.resources().stream().map(r -> r.type() + " " + r.name()).toList());
  }

  @Test
  void jsonHasResourcesAndOutputsOnly() {
    var json = JsonParser.parseString(Planner.plan(input(true)).toJson()).getAsJsonObject();
    assertEquals(List.of("resources", "outputs"), List.copyOf(json.keySet()));
    var table = json.getAsJsonArray("resources").get(1).getAsJsonObject();
    assertEquals(List.of("type", "name", "inputs"), List.copyOf(table.keySet()));
    assertEquals("aws:dynamodb/table:Table", table.get("type").getAsString());
    var inputs = table.getAsJsonObject("inputs");
    assertEquals("orders", inputs.get("name").getAsString());
    assertEquals("5", inputs.get("readCapacity").toString(), "whole numbers print as integers");
    assertEquals("NEW_IMAGE", inputs.get("streamViewType").getAsString());
    var outputs = json.getAsJsonObject("outputs");
    assertEquals(List.of("table_name", "table_arn", "table_id", "stream_arn", "stream_label", "aws_region"),
        List.copyOf(outputs.keySet()));
    assertEquals("arn:aws:dynamodb:eu-central-1:123456789012:table/orders", outputs.get("table_arn").getAsString());
    assertEquals("eu-central-1", outputs.get("aws_region").getAsString());
  }

  @Test
  void credentialsArePrintedAsSecretAndTheirPlaintextNeverAppears() {
    var plan = Planner.plan(input(true));
    var json = plan.toJson();
    var text = plan.toText();
    JsonObject provider = JsonParser.parseString(json).getAsJsonObject()
        .getAsJsonArray("resources").get(0).getAsJsonObject().getAsJsonObject("inputs");
    assertEquals("[secret]", provider.get("accessKey").getAsString());
    assertEquals("[secret]", provider.get("secretKey").getAsString());
    assertEquals("[secret]", provider.get("token").getAsString());
    assertEquals("eu-central-1", provider.get("region").getAsString());
    for (var secret : List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)) {
      assertFalse(json.contains(secret), "JSON leaks " + secret);
      assertFalse(text.contains(secret), "text leaks " + secret);
    }
    assertTrue(text.contains("accessKey: [secret]"), text);
  }

  @Test
  void withoutProviderConfigNoCredentialInputsExist() {
    var provider = Planner.plan(input(false)).resources().get(0);
    assertFalse(provider.inputs().containsKey("accessKey"));
    assertFalse(provider.inputs().containsKey("secretKey"));
    assertFalse(provider.inputs().containsKey("token"));
  }

  @Test
  void textIsATreeAndNamesThePlaceholders() {
    var text = Planner.plan(input(true)).toText();
    assertTrue(text.startsWith("Plan: 3 resources"), text);
    assertTrue(text.contains("\n+ aws:dynamodb/table:Table  orders\n"), text);
    assertTrue(text.contains("\n  billingMode: PROVISIONED\n"), text);
    assertTrue(text.contains("\n  attributes:\n    - name: pk\n      type: S\n"), text);
    assertTrue(text.contains("table_arn, table_id, stream_arn, stream_label: placeholder values"), text);
  }

  /** A tag is the user's text: an ESC sequence or a newline in it must not reach the terminal as such. */
  @Test
  void textEscapesWhatATerminalWouldInterpret() {
    var input = input(false).toBuilder();
    input.getTargetBuilder().getSpecBuilder().putTags("team\u001b[2J", "a\nb");
    var text = Planner.plan(input.build()).toText();
    assertFalse(text.contains("\u001b"), text);
    assertTrue(text.contains("team\\x1b[2J: a\\nb\n"), text);
  }

  @Test
  void regionIsAPlaceholderOnlyWithoutProviderConfig() {
    assertEquals(List.of("table_arn", "table_id", "stream_arn", "stream_label"),
        Planner.plan(input(true)).placeholderOutputs());
    assertEquals(List.of("table_arn", "table_id", "stream_arn", "stream_label", "aws_region"),
        Planner.plan(input(false)).placeholderOutputs());
  }

  @Test
  void plansAreDeterministic() {
    assertEquals(Planner.plan(input(true)).toJson(), Planner.plan(input(true)).toJson());
  }

  @Test
  void inputsOfResourcesMatchWhatTheModuleSends() {
    var insights = Planner.plan(input(false)).resources().get(2);
    assertEquals(Map.of("tableName", "orders"), insights.inputs());
  }
}
