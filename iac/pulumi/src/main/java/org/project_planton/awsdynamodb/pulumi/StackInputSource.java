package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * Finds the stack input the way ProjectPlanton's tooling passes it, taking the first present of:
 * the Pulumi config key {@code planton-cloud:stack-input} (YAML), the environment variable
 * {@code STACK_INPUT_YAML} (YAML), and {@code STACK_INPUT_YAML_FILE} (a path to YAML).
 * An empty value counts as absent. The input goes through the same loader and validation as
 * {@code project-planton validate}.
 */
public final class StackInputSource {

  public static final String CONFIG_NAMESPACE = "planton-cloud";
  public static final String CONFIG_KEY = "stack-input";
  public static final String YAML_ENV = "STACK_INPUT_YAML";
  public static final String YAML_FILE_ENV = "STACK_INPUT_YAML_FILE";

  private final Function<String, Optional<String>> config;
  private final Function<String, String> env;

  /**
   * @param config looks up a key of the {@code planton-cloud} Pulumi config namespace
   * @param env looks up an environment variable, null when unset
   */
  public StackInputSource(Function<String, Optional<String>> config, Function<String, String> env) {
    this.config = config;
    this.env = env;
  }

  /** The program's real sources: the stack's Pulumi config and the process environment. */
  public static StackInputSource of(Context ctx) {
    var namespace = ctx.config(CONFIG_NAMESPACE);
    return new StackInputSource(namespace::get, System::getenv);
  }

  public AwsDynamodbStackInput load() throws StackInputException {
    var fromConfig = config.apply(CONFIG_KEY).filter(v -> !v.isEmpty());
    if (fromConfig.isPresent()) {
      var name = "pulumi config " + CONFIG_NAMESPACE + ":" + CONFIG_KEY;
      return validated(() -> Manifests.loadValidStackInput(fromConfig.get(), name));
    }
    var yaml = env.apply(YAML_ENV);
    if (yaml != null && !yaml.isEmpty()) {
      return validated(() -> Manifests.loadValidStackInput(yaml, YAML_ENV));
    }
    var file = env.apply(YAML_FILE_ENV);
    if (file != null && !file.isEmpty()) {
      return validated(() -> Manifests.loadValidStackInput(Manifests.readText(Path.of(file)), file));
    }
    throw new StackInputException("no stack input: set the Pulumi config key "
        + CONFIG_NAMESPACE + ":" + CONFIG_KEY + ", or the environment variable " + YAML_ENV
        + " (YAML), or " + YAML_FILE_ENV + " (path to a YAML file)");
  }

  /** The loader's call; it throws the positioned diagnostics of an unreadable or invalid input. */
  private interface Loader {
    AwsDynamodbStackInput load() throws InvalidManifestException;
  }

  private static AwsDynamodbStackInput validated(Loader loader) throws StackInputException {
    try {
      return loader.load();
    } catch (InvalidManifestException e) {
      throw new StackInputException(e.getMessage(), e);
    }
  }
}
