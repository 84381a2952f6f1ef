package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.internal.PulumiTestInternal;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackInputSourceTest {

  private static Path resource(String name) {
    try {
      return Path.of(StackInputSourceTest.class.getResource("/stack-input/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String yaml(String name) throws IOException {
    return Files.readString(resource(name));
  }

  private static String named(String yaml, String tableName) {
    return yaml.replace("name: from-file", "name: " + tableName);
  }

  /** The source reading only the given config value and environment variables. */
  private static StackInputSource source(String configValue, Map<String, String> env) {
    return new StackInputSource(
        key -> key.equals(StackInputSource.CONFIG_KEY) ? Optional.ofNullable(configValue) : Optional.empty(),
        env::get);
  }

  @Test
  void configKeyComesFirst() throws Exception {
    var env = Map.of("STACK_INPUT_YAML", named(yaml("valid.yaml"), "from-env"),
        "STACK_INPUT_YAML_FILE", resource("valid.yaml").toString());
    var input = source(named(yaml("valid.yaml"), "from-config"), env).load();
    assertEquals("from-config", input.getTarget().getMetadata().getName());
  }

  @Test
  void yamlEnvironmentVariableComesSecond() throws Exception {
    var env = Map.of("STACK_INPUT_YAML", named(yaml("valid.yaml"), "from-env"),
        "STACK_INPUT_YAML_FILE", resource("valid.yaml").toString());
    assertEquals("from-env", source(null, env).load().getTarget().getMetadata().getName());
  }

  @Test
  void yamlFileEnvironmentVariableComesThird() throws Exception {
    var env = Map.of("STACK_INPUT_YAML_FILE", resource("valid.yaml").toString());
    assertEquals("from-file", source(null, env).load().getTarget().getMetadata().getName());
  }

  @Test
  void emptyValuesCountAsAbsent() throws Exception {
    var env = Map.of("STACK_INPUT_YAML", "", "STACK_INPUT_YAML_FILE", resource("valid.yaml").toString());
    assertEquals("from-file", source("", env).load().getTarget().getMetadata().getName());
  }

  @Test
  void noneSetSaysWhichSourcesWereLookedFor() {
    var e = assertThrows(StackInputException.class, () -> source(null, Map.of()).load());
    assertTrue(e.getMessage().startsWith("no stack input"), e.getMessage());
    assertTrue(e.getMessage().contains("planton-cloud:stack-input"), e.getMessage());
    assertTrue(e.getMessage().contains("STACK_INPUT_YAML "), e.getMessage());
    assertTrue(e.getMessage().contains("STACK_INPUT_YAML_FILE"), e.getMessage());
  }

  @Test
  void missingFileIsAPositionedDiagnostic(@TempDir Path dir) {
    var missing = dir.resolve("absent.yaml").toString();
    var e = assertThrows(StackInputException.class,
        () -> source(null, Map.of("STACK_INPUT_YAML_FILE", missing)).load());
    assertTrue(e.getMessage().startsWith(missing + ":"), e.getMessage());
  }

  @Test
  void invalidInputGivesPositionedDiagnosticsNamingItsSource() throws Exception {
    var e = assertThrows(StackInputException.class,
        () -> source(null, Map.of("STACK_INPUT_YAML", yaml("invalid.yaml"))).load());
    assertTrue(e.getMessage().matches("(?s)STACK_INPUT_YAML:\\d+:\\d+: error: .*\\[provisioned_requires_throughput\\].*"),
        e.getMessage());
  }

  @Test
  void invalidInputRegistersNothingAndStopsWithTheDiagnostics() throws Exception {
    var source = source(null, Map.of("STACK_INPUT_YAML", yaml("invalid.yaml")));
    var run = ModuleRun.program(ctx -> Main.program(ctx, source));
    assertEquals(List.of(), run.mocks().registered());
    assertNotEquals(0, run.result().exitCode());
    var reported = String.join("\n", run.result().errors())
        + run.result().exceptions().stream().map(Throwable::getMessage).toList();
    assertTrue(reported.contains("[provisioned_requires_throughput]"), reported);
    assertTrue(!reported.contains(StackInputs.SECRET_KEY), "the secret key is not echoed");
    assertTrue(run.logged().stream().anyMatch(l -> l.startsWith("SEVERE: ") && l.contains("[provisioned_requires_throughput]")),
        () -> "the SDK logs the failure (kept out of the build log): " + run.logged());
  }

  @Test
  void programReadsTheRealPulumiConfigKey() throws Exception {
    var config = new HashMap<String, String>();
    config.put("planton-cloud:stack-input", named(yaml("valid.yaml"), "from-pulumi-config"));
    var mocks = new RecordingMocks();
    try {
      var result = PulumiTestInternal.builder().mocks(mocks).config(config)
          .standardLogger(ModuleRun.capturing(new ArrayList<>())).build()
          .runTest(ctx -> Main.program(ctx, StackInputSource.of(ctx)));
      assertEquals(0, result.exitCode(), () -> result.errors().toString());
      assertEquals("from-pulumi-config", mocks.only(ModuleRun.TABLE).get("name"));
    } finally {
      PulumiTestInternal.cleanup();
    }
  }
}
