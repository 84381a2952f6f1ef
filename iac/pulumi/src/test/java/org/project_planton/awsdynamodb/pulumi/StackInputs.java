package org.project_planton.awsdynamodb.pulumi;

import java.util.function.Consumer;
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

/** Stack inputs for tests: a minimal on-demand table, changed per test. */
final class StackInputs {

  /** Recognisable fake credentials: they must never appear in plaintext in a plan. */
  static final String ACCESS_KEY = "AKIAFAKEFAKEFAKE1234";
  static final String SECRET_KEY = "fakeSecretKeyfakeSecretKeyfakeSecretKey1";
  static final String SESSION_TOKEN = "FakeSessionTokenXyZ0987";

  private StackInputs() {}

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.newBuilder().setAttributeName(name).setKeyType(type).build();
  }

  static AttributeDefinition attribute(String name, AttributeType type) {
    return AttributeDefinition.newBuilder().setName(name).setType(type).build();
  }

  static AwsDynamodbSpec.Builder minimalSpec() {
    return AwsDynamodbSpec.newBuilder()
        .setBillingMode(BillingMode.PAY_PER_REQUEST)
        .addAttributeDefinitions(attribute("pk", AttributeType.S))
        .addKeySchema(key("pk", KeyType.HASH));
  }

  static CloudResourceMetadata.Builder metadata() {
    return CloudResourceMetadata.newBuilder()
        .setName("orders").setOrg("acme").setEnv("dev").setId("awsddb-123");
  }

  static AwsProviderConfig.Builder providerConfig() {
    return AwsProviderConfig.newBuilder()
        .setAccountId("123456789012")
        .setAccessKeyId(ACCESS_KEY)
        .setSecretAccessKey(SECRET_KEY)
        .setRegion("ap-south-1");
  }

  static AwsDynamodbStackInput with(Consumer<AwsDynamodbSpec.Builder> spec) {
    var builder = minimalSpec();
    spec.accept(builder);
    return input(metadata(), builder);
  }

  static AwsDynamodbStackInput input(CloudResourceMetadata.Builder metadata, AwsDynamodbSpec.Builder spec) {
    return AwsDynamodbStackInput.newBuilder()
        .setTarget(AwsDynamodb.newBuilder()
            .setApiVersion("aws.project-planton.org/v1")
            .setKind("AwsDynamodb")
            .setMetadata(metadata)
            .setSpec(spec))
        .build();
  }
}
