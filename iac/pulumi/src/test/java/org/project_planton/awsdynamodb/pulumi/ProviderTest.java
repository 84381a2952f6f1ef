package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** What the provider receives. That the credentials travel as secrets is asserted in PlannerTest. */
class ProviderTest {

  private static AwsDynamodbStackInput withConfig(org.project_planton.provider.aws.AwsProviderConfig.Builder config) {
    return StackInputs.with(s -> {}).toBuilder().setProviderConfig(config).build();
  }

  @Test
  void providerConfigSendsCredentialsAndRegion() {
    var provider = ModuleRun.of(withConfig(StackInputs.providerConfig())).provider();
    assertEquals(StackInputs.ACCESS_KEY, provider.get("accessKey"));
    assertEquals(StackInputs.SECRET_KEY, provider.get("secretKey"));
    assertEquals("ap-south-1", provider.get("region"));
    assertFalse(provider.containsKey("token"), "an empty session token is not sent");
  }

  @Test
  void sessionTokenIsSentOnlyWhenSet() {
    var provider = ModuleRun.of(withConfig(StackInputs.providerConfig().setSessionToken(StackInputs.SESSION_TOKEN))).provider();
    assertEquals(StackInputs.SESSION_TOKEN, provider.get("token"));
  }

  @Test
  void withoutProviderConfigNoCredentialsAreSent() {
    var provider = ModuleRun.of(StackInputs.with(s -> {})).provider();
    assertFalse(provider.containsKey("accessKey"));
    assertFalse(provider.containsKey("secretKey"));
    assertFalse(provider.containsKey("token"));
    // The ambient region, as the AWS provider's own defaults read it.
    var ambient = System.getenv("AWS_REGION") != null ? System.getenv("AWS_REGION") : System.getenv("AWS_DEFAULT_REGION");
    assertEquals(ambient, provider.get("region"));
  }
}
