package org.project_planton.awsdynamodb.cli.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.project_planton.awsdynamodb.cli.Jdk25;
import org.project_planton.awsdynamodb.cli.ProjectPlantonRunner;
import org.project_planton.awsdynamodb.cli.program.JavaLanguageHostStandIn.Finished;
import org.project_planton.awsdynamodb.cli.program.JavaLanguageHostStandIn.RunRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * The built program jar ({@code iac/pulumi/target/awsdynamodb-pulumi.jar}), started exactly as
 * the Java language host starts it, against a stand-in Pulumi engine.
 */
class ProgramJarTest {

  static final String CONFIG_KEY = "planton-cloud:stack-input";
  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue0123456789";
  static final Set<String> PROGRAM_CALLS = Set.of(
      "pulumirpc.ResourceMonitor/SupportsFeature", "pulumirpc.ResourceMonitor/RegisterResource",
      "pulumirpc.ResourceMonitor/RegisterResourceOutputs", "pulumirpc.Engine/Log");

  static String manifest;
  static String credentials;

  @BeforeAll
  static void builtJar() throws Exception {
    var jar = JavaLanguageHostStandIn.moduleDirectory().resolve("target/awsdynamodb-pulumi.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by `./mvnw test` (process-classes of iac/pulumi)");
    // The example manifest (GSI, TTL, stream, PITR, SSE, deletion protection) plus Contributor
    // Insights, whose table name reaches the engine as the table's output.
    manifest = Files.readString(JavaLanguageHostStandIn.moduleDirectory().resolve("../hack/manifest.yaml"))
        + "  contributorInsightsEnabled: true\n";
    credentials = """
        accountId: "123456789012"
        accessKeyId: %s
        secretAccessKey: %s
        sessionToken: %s
        region: eu-west-1
        """.formatted(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
  }

  static String stackInput(boolean withCredentials) {
    var yaml = "target:\n" + manifest.indent(2);
    return withCredentials ? yaml + "providerConfig:\n" + credentials.indent(2) : yaml;
  }

  static JavaLanguageHostStandIn host(Map<String, String> extraEnv) throws Exception {
    return host(JavaLanguageHostStandIn.testJava(), JavaLanguageHostStandIn.projectFile(), extraEnv);
  }

  static JavaLanguageHostStandIn host(Path java, String pulumiYaml, Map<String, String> extraEnv) {
    var env = JavaLanguageHostStandIn.hostEnvironment();
    env.putAll(extraEnv);
    return new JavaLanguageHostStandIn(java, JavaLanguageHostStandIn.moduleDirectory(), pulumiYaml, env);
  }

  static List<String> types(StandInPulumiEngine engine) {
    return engine.registrations().stream().map(RegisterResourceRequest::getType).toList();
  }

  static RegisterResourceRequest registered(StandInPulumiEngine engine, String type) {
    return engine.registrations().stream().filter(r -> r.getType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " registered: " + types(engine)));
  }

  static String report(Finished run, StandInPulumiEngine engine) {
    return "exit " + run.exitCode() + "\nstdout: " + run.stdout() + "\nstderr: " + run.stderr()
        + "\nlogs: " + engine.logs().stream().map(l -> l.getSeverity() + " " + l.getMessage()).toList()
        + "\nregistered: " + types(engine);
  }

  /** A complete, clean update: stack, provider, table; outputs; nothing logged above INFO. */
  static void assertDeployed(Finished run, StandInPulumiEngine engine, String region) {
    assertEquals(0, run.exitCode(), report(run, engine));
    assertEquals(List.of("pulumi:pulumi:Stack", "pulumi:providers:aws", "aws:dynamodb/table:Table",
        "aws:dynamodb/contributorInsights:ContributorInsights"), types(engine));
    assertEquals("orders", EngineValues.of(registered(engine, "aws:dynamodb/table:Table").getObject()).get("name"));
    assertTrue(engine.logs().stream().noneMatch(l -> l.getSeverity().getNumber() >= LogSeverity.WARNING_VALUE),
        report(run, engine));
    assertTrue(PROGRAM_CALLS.containsAll(engine.calls()), "calls beyond the four expected: " + engine.calls());
    assertEquals(1, engine.registeredOutputs().size(), "the stack's outputs, once");
    var outputs = EngineValues.of(engine.registeredOutputs().get(0).getOutputs());
    assertEquals("orders", outputs.get("table_name"));
    if (!engine.preview()) {
      assertEquals("arn:aws:dynamodb:" + region + ":123456789012:table/orders", outputs.get("table_arn"));
      assertEquals(region, outputs.get("aws_region"));
    }
  }

  /**
   * The stack input as a secret config value (pulumi decrypts it and marks its key in
   * PULUMI_CONFIG_SECRET_KEYS), with credentials: one run of the program, checked for what it
   * registers against `plan -o json`, for where the credentials travel, and for plugin versions.
   */
  @Test
  void deploysFromSecretConfigExactlyAsPlannedWithCredentialsOnlyAsSecrets(@TempDir Path dir) throws Exception {
    var config = Map.of(CONFIG_KEY, stackInput(true), "aws:region", "eu-west-1");
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      var run = host(Map.of()).run(engine, RunRequest.update(config, List.of(CONFIG_KEY)));
      assertDeployed(run, engine, "eu-west-1");
      assertEquals(plan(dir), registeredAsPlanned(engine), "what `plan -o json` prints for the same input");

      var provider = EngineValues.of(registered(engine, "pulumi:providers:aws").getObject());
      assertEquals(EngineValues.SECRET, provider.get("accessKey"));
      assertEquals(EngineValues.SECRET, provider.get("secretKey"));
      assertEquals(EngineValues.SECRET, provider.get("token"));
      var everywhere = new ArrayList<String>();
      engine.registrations().forEach(r -> everywhere.addAll(StandInPulumiEngine.plaintextOutsideSecrets(r.getObject())));
      engine.registeredOutputs().forEach(o -> everywhere.addAll(StandInPulumiEngine.plaintextOutsideSecrets(o.getOutputs())));
      // Known SDK leak, left to pulumi-java (its #618; pulumi/pulumi#24479 fixed the same in Python):
      // SDK 1.36.1 sends every RegisterResource request and response, secrets opened, as an
      // Engine.Log DEBUG message, which pulumi shows only under --debug. Every other log must be clean.
      engine.logs().stream()
          .filter(l -> !(l.getSeverity() == LogSeverity.DEBUG && l.getMessage().startsWith("Registering resource monitor ")))
          .forEach(l -> everywhere.add("Engine.Log " + l.getSeverity() + ": " + l.getMessage()));
      everywhere.add("stdout: " + run.stdout());
      everywhere.add("stderr: " + run.stderr());
      for (var credential : List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)) {
        var leaks = everywhere.stream().filter(s -> s.contains(credential))
            .map(s -> s.replace(credential, "<CREDENTIAL>").substring(0, Math.min(s.length(), 300))).toList();
        assertEquals(List.of(), leaks, "plaintext credential outside a secret");
      }

      var version = pluginVersion();
      assertEquals(version, registered(engine, "pulumi:providers:aws").getVersion());
      assertEquals(version, registered(engine, "aws:dynamodb/table:Table").getVersion());
      assertTrue(registered(engine, "aws:dynamodb/table:Table").getProvider()
          .startsWith("urn:pulumi:dev::awsdynamodb::pulumi:providers:aws::classic-provider::"), "the explicit provider");
    }
  }

  /** The SDK registers the stack first, but the program may fail before that call arrives. */
  static void assertNothingButTheStack(StandInPulumiEngine engine) {
    assertTrue(List.of("pulumi:pulumi:Stack").containsAll(types(engine)), "registered: " + types(engine));
  }

  @ParameterizedTest(name = "stack input from {0}")
  @ValueSource(strings = {"STACK_INPUT_YAML", "STACK_INPUT_YAML_FILE"})
  void readsTheStackInputFromTheEnvironment(String source, @TempDir Path dir) throws Exception {
    var yaml = stackInput(true);
    var env = new LinkedHashMap<String, String>();
    if (source.equals("STACK_INPUT_YAML")) {
      env.put("STACK_INPUT_YAML", yaml);
    } else {
      var file = dir.resolve("stack-input.yaml");
      Files.writeString(file, yaml);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      env.put("STACK_INPUT_YAML_FILE", file.toString());
    }
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      assertDeployed(host(env).run(engine, RunRequest.update(Map.of(), List.of())), engine, "eu-west-1");
    }
  }

  /** What `project-planton plan -o json` prints for the manifest and credentials: its resources. */
  static List<Object> plan(Path dir) throws Exception {
    var manifestFile = dir.resolve("manifest.yaml");
    var credentialsFile = dir.resolve("credentials.yaml");
    Files.writeString(manifestFile, manifest);
    Files.writeString(credentialsFile, credentials);
    Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
    var out = new StringWriter();
    var err = new StringWriter();
    var code = ProjectPlantonRunner.run(new String[] {"plan", "--manifest", manifestFile.toString(),
        "--aws-provider-config", credentialsFile.toString(), "-o", "json"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    var planned = new ArrayList<Object>();
    JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("resources").forEach(planned::add);
    return planned;
  }

  /** The resources the engine received, as the plan's JSON writes them. */
  static List<Object> registeredAsPlanned(StandInPulumiEngine engine) {
    var registered = new ArrayList<Object>();
    for (var r : engine.registrations()) {
      if (!r.getType().equals("pulumi:pulumi:Stack")) {
        var resource = new LinkedHashMap<String, Object>();
        resource.put("type", r.getType());
        resource.put("name", r.getName());
        resource.put("inputs", EngineValues.of(r.getObject()));
        registered.add(new GsonBuilder().serializeNulls().create().toJsonTree(resource));
      }
    }
    return registered;
  }

  @Test
  void previewCompletesWithUnknownsForWhatAwsComputes() throws Exception {
    // No providerConfig: the region, too, comes from the table's ARN, unknown in a preview.
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", true)) {
      var run = host(Map.of()).run(engine, RunRequest.preview(Map.of(CONFIG_KEY, stackInput(false)), List.of(CONFIG_KEY)));
      assertDeployed(run, engine, null);
      var outputs = EngineValues.of(engine.registeredOutputs().get(0).getOutputs());
      for (var computed : List.of("table_arn", "table_id", "stream_arn", "stream_label", "aws_region")) {
        assertEquals(EngineValues.UNKNOWN, outputs.get(computed), computed + " in " + outputs);
      }
    }
  }

  @Test
  void invalidInputExits32WithPositionedErrorsAndRegistersOnlyTheStack() throws Exception {
    var invalid = stackInput(false).replace("billingMode: PAY_PER_REQUEST", "billingMode: PROVISIONED");
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      var run = host(Map.of("STACK_INPUT_YAML", invalid)).run(engine, RunRequest.update(Map.of(), List.of()));
      assertEquals(32, run.exitCode(), report(run, engine));
      assertNothingButTheStack(engine);
      var errors = engine.logs().stream().filter(l -> l.getSeverity() == LogSeverity.ERROR)
          .map(l -> l.getMessage()).toList();
      assertEquals(1, errors.size(), report(run, engine));
      var lines = errors.get(0).lines().toList();
      assertTrue(lines.stream().anyMatch(l -> l.matches("STACK_INPUT_YAML:\\d+:\\d+: error: .*\\[[a-z_.]+\\]")), errors.get(0));
      assertTrue(errors.get(0).contains("[provisioned_requires_throughput]"), errors.get(0));
      assertFalse(errors.get(0).contains("\tat ") || run.stderr().contains("\tat "), "no stack trace: " + report(run, engine));
    }
  }

  @Test
  void missingInputExits32NamingTheThreeSources() throws Exception {
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      var run = host(Map.of()).run(engine, RunRequest.update(Map.of(), List.of()));
      assertEquals(32, run.exitCode(), report(run, engine));
      assertNothingButTheStack(engine);
      var errors = engine.logs().stream().filter(l -> l.getSeverity() == LogSeverity.ERROR).map(l -> l.getMessage()).toList();
      assertEquals(1, errors.size(), report(run, engine));
      assertTrue(errors.get(0).contains("no stack input") && errors.get(0).contains(CONFIG_KEY)
          && errors.get(0).contains("STACK_INPUT_YAML_FILE"), errors.get(0));
      assertFalse(run.stderr().contains("\tat "), run.stderr());
    }
  }

  /**
   * The language host cannot pass JVM flags, so on JDK 25 with one CPU the program must protect
   * itself from the common-pool livelock (pulumi/pulumi-java#2270) before the SDK starts. The CPU
   * limit reaches it the only way a user's would: through the environment.
   */
  @Test
  void completesOnJdk25WithOneCpu() throws Exception {
    var java = Jdk25.java();
    assumeTrue(java.isPresent(), "no JDK 25 under /usr/lib/jvm");
    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      var host = host(java.get(), JavaLanguageHostStandIn.projectFile(), Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=1"));
      var run = host.run(engine, RunRequest.update(Map.of(CONFIG_KEY, stackInput(true)), List.of(CONFIG_KEY)));
      assertDeployed(run, engine, "eu-west-1");
    }
  }

  @Test
  void pluginDiscoveryPrintsTheAwsPluginAsCleanJson() throws Exception {
    var run = host(Map.of()).discoverPackages();
    assertEquals(0, run.exitCode(), run.stderr());
    assertAwsPlugin(run);
  }

  /** Discovery's stdout is exactly one JSON array naming the aws resource plugin at its version. */
  static void assertAwsPlugin(Finished run) throws Exception {
    var plugins = JsonParser.parseString(run.stdout()).getAsJsonArray();
    var aws = new ArrayList<String>();
    plugins.forEach(p -> {
      var o = p.getAsJsonObject();
      if (o.get("name").getAsString().equals("aws") && o.get("resource").getAsBoolean()) {
        aws.add(o.get("version").getAsString());
      }
    });
    assertEquals(List.of(pluginVersion()), aws, run.stdout());
  }

  /** The version the aws SDK jar declares for its plugin (com/pulumi/aws/plugin.json). */
  static String pluginVersion() throws Exception {
    try (var in = ProgramJarTest.class.getClassLoader().getResourceAsStream("com/pulumi/aws/plugin.json")) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject().get("version").getAsString();
    }
  }
}
