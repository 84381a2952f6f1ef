package org.project_planton.awsdynamodb.pulumi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.project_planton.awsdynamodb.manifest.PlatformTags;
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

  public static Locals of(AwsDynamodbStackInput input) {
    var target = input.getTarget();
    var metadata = target.getMetadata();
    return new Locals(
        metadata.getName(),
        target.getSpec(),
        input.hasProviderConfig() ? Optional.of(input.getProviderConfig()) : Optional.empty(),
        tags(metadata, target.getSpec()));
  }

  /** The platform tags, then the user's own (spec.tags), which validation keeps from overriding them. */
  static Map<String, String> tags(CloudResourceMetadata metadata, AwsDynamodbSpec spec) {
    var tags = new LinkedHashMap<String, String>(PlatformTags.of(metadata));
    new TreeMap<>(spec.getTagsMap()).forEach(tags::putIfAbsent);
    return Collections.unmodifiableMap(tags);
  }

  /** The region given in provider_config, if any; otherwise the provider resolves it. */
  public Optional<String> configuredRegion() {
    return providerConfig.map(AwsProviderConfig::getRegion).filter(r -> !r.isEmpty());
  }
}
