package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import org.project_planton.provider.aws.AwsProviderConfig;

/** The explicit AWS provider every resource of the module is created with. */
public final class Provider {

  /** Same logical name as ProjectPlanton's stacks, so their Pulumi state stays compatible. */
  public static final String LOGICAL_NAME = "classic-provider";

  private Provider() {}

  public static com.pulumi.aws.Provider create(Locals locals) {
    var args = locals.providerConfig().map(Provider::args).orElseGet(Provider::ambientArgs);
    return new com.pulumi.aws.Provider(LOGICAL_NAME, args);
  }

  /** Credentials from provider_config; every credential is a Pulumi secret. */
  static ProviderArgs args(AwsProviderConfig config) {
    var args = ProviderArgs.builder()
        .accessKey(Output.ofSecret(config.getAccessKeyId()))
        .secretKey(Output.ofSecret(config.getSecretAccessKey()))
        .region(config.getRegion());
    if (!config.getSessionToken().isEmpty()) {
      args.token(Output.ofSecret(config.getSessionToken()));
    }
    return args.build();
  }

  /** No provider_config: the ambient AWS credentials and region (environment, profile, instance role). */
  static ProviderArgs ambientArgs() {
    return ProviderArgs.builder().build();
  }
}
