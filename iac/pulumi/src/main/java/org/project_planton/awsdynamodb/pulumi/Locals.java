package org.project_planton.awsdynamodb.pulumi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.project_planton.provider.aws.AwsProviderConfig;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;
import org.project_planton.shared.CloudResourceMetadata;

/** Values derived once from the stack input and shared by every resource of the module. */
public record Locals(
    String tableName,
    AwsDynamodbSpec spec,
    Optional<AwsProviderConfig> providerConfig,
    Map<String, String> tags) {

  static final String KIND = "AwsDynamodb";

  public static Locals of(AwsDynamodbStackInput input) {
    var target = input.getTarget();
    var metadata = target.getMetadata();
    return new Locals(
        metadata.getName(),
        target.getSpec(),
        input.hasProviderConfig() ? Optional.of(input.getProviderConfig()) : Optional.empty(),
        tags(metadata));
  }

  /** ProjectPlanton's platform tags, leaving out those whose metadata value is empty, plus Name. */
  static Map<String, String> tags(CloudResourceMetadata metadata) {
    var tags = new LinkedHashMap<String, String>();
    tags.put("planton.ai/resource", "true");
    putIfNotEmpty(tags, "planton.ai/organization", metadata.getOrg());
    putIfNotEmpty(tags, "planton.ai/environment", metadata.getEnv());
    tags.put("planton.ai/resource-kind", KIND);
    putIfNotEmpty(tags, "planton.ai/resource-id", metadata.getId());
    putIfNotEmpty(tags, "Name", metadata.getName());
    return Collections.unmodifiableMap(tags);
  }

  private static void putIfNotEmpty(Map<String, String> tags, String key, String value) {
    if (!value.isEmpty()) {
      tags.put(key, value);
    }
  }

  /** The region given in provider_config, if any; otherwise the provider resolves it. */
  public Optional<String> configuredRegion() {
    return providerConfig.map(AwsProviderConfig::getRegion).filter(r -> !r.isEmpty());
  }
}
