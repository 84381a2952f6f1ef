package org.project_planton.awsdynamodb.cli.program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Starts a program the way pulumi-language-java 1.36.1 (bundled with Pulumi CLI 3.258 and later)
 * does with its jar executor, read from pulumi/pulumi-java:
 * <ul>
 *   <li>pkg/internal/executors/executor_jar.go: taken only when {@code runtime.options.binary}
 *       ends in {@code .jar}; runs {@code java -jar BINARY} (java looked up on PATH) and, for plugin
 *       discovery, {@code java -cp BINARY com.pulumi.bootstrap.internal.Main packages};</li>
 *   <li>pkg/cmd/pulumi-language-java/main.go, {@code Run}: working directory the program directory
 *       (Pulumi.yaml's {@code main}, else the project directory), stdout and stderr captured, and
 *       {@code constructEnv}: the host's whole environment plus PULUMI_MONITOR, PULUMI_ENGINE,
 *       PULUMI_ORGANIZATION, PULUMI_PROJECT, PULUMI_STACK, PULUMI_PWD, PULUMI_DRY_RUN,
 *       PULUMI_PARALLEL, PULUMI_TRACING, PULUMI_CONFIG (a JSON map) and PULUMI_CONFIG_SECRET_KEYS
 *       (a JSON list), each only when not empty;</li>
 *   <li>{@code determinePulumiPackages}: discovery runs in the program directory with the host's
 *       environment and parses stdout as JSON.</li>
 * </ul>
 * The host's environment is the one given here (the test's, plus what a test adds), and
 * {@code java} is the one given (the test JVM's own unless a test picks another JDK).
 */
final class JavaLanguageHostStandIn {

  static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path java;
  private final Path programDirectory;
  private final String binary;
  private final Map<String, String> environment;

  /**
   * @param programDirectory where Pulumi.yaml is (this project's has no {@code main})
   * @param pulumiYaml the project file's text, whose {@code runtime.options.binary} is run
   */
  JavaLanguageHostStandIn(Path java, Path programDirectory, String pulumiYaml, Map<String, String> environment) {
    this.java = java;
    this.programDirectory = programDirectory;
    this.binary = binary(pulumiYaml);
    this.environment = environment;
  }

  /** Whatever JVM runs the tests, unless a test wants another. */
  static Path testJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The host's environment: this JVM's, without a stack input a developer may have exported. */
  static Map<String, String> hostEnvironment() {
    var env = new LinkedHashMap<>(System.getenv());
    env.remove("STACK_INPUT_YAML");
    env.remove("STACK_INPUT_YAML_FILE");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("PROJECT_PLANTON_DEBUG_PORT");
    return env;
  }

  String binary() {
    return binary;
  }

  @SuppressWarnings("unchecked")
  private static String binary(String pulumiYaml) {
    var project = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(pulumiYaml);
    var runtime = (Map<String, Object>) project.get("runtime");
    var options = (Map<String, Object>) runtime.get("options");
    var binary = (String) options.get("binary");
    if (binary == null || !binary.toLowerCase().endsWith(".jar")) {
      throw new IllegalArgumentException("the jar executor declines binary " + binary
          + " (pulumi-language-java would fall back to the Maven executor)");
    }
    return binary;
  }

  /** What the host's Run request carries for one deployment. */
  record RunRequest(String organization, boolean dryRun, int parallel, Map<String, String> config, List<String> configSecretKeys) {
    static RunRequest update(Map<String, String> config, List<String> secretKeys) {
      return new RunRequest("organization", false, 16, config, secretKeys);
    }

    static RunRequest preview(Map<String, String> config, List<String> secretKeys) {
      return new RunRequest("organization", true, 16, config, secretKeys);
    }
  }

  /** What a started process did. */
  record Finished(int exitCode, String stdout, String stderr, Duration took) {}

  /** {@code java -jar BINARY} against the engine, as Run does. */
  Process start(StandInPulumiEngine engine, RunRequest request) throws IOException {
    var env = new LinkedHashMap<>(environment);
    put(env, "PULUMI_MONITOR", engine.address());
    put(env, "PULUMI_ENGINE", engine.address());
    put(env, "PULUMI_ORGANIZATION", request.organization());
    put(env, "PULUMI_PROJECT", engine.project());
    put(env, "PULUMI_STACK", engine.stack());
    put(env, "PULUMI_PWD", programDirectory.toString());
    put(env, "PULUMI_DRY_RUN", Boolean.toString(request.dryRun()));
    put(env, "PULUMI_PARALLEL", Integer.toString(request.parallel()));
    put(env, "PULUMI_TRACING", "");
    put(env, "PULUMI_CONFIG", json(request.config()));
    put(env, "PULUMI_CONFIG_SECRET_KEYS", jsonList(request.configSecretKeys()));
    return start(List.of(java.toString(), "-jar", Path.of(binary).normalize().toString()), env);
  }

  Finished run(StandInPulumiEngine engine, RunRequest request) throws Exception {
    return finish(start(engine, request));
  }

  /** Plugin discovery, as determinePulumiPackages runs it. */
  Finished discoverPackages() throws Exception {
    return finish(start(List.of(java.toString(), "-cp", Path.of(binary).normalize().toString(),
        "com.pulumi.bootstrap.internal.Main", "packages"), new LinkedHashMap<>(environment)));
  }

  private Process start(List<String> command, Map<String, String> env) throws IOException {
    var builder = new ProcessBuilder(command).directory(programDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    var process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** Waits (bounded) for the process, reading both streams; kills it on time-out. */
  static Finished finish(Process process) throws Exception {
    var started = System.nanoTime();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try {
      var stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), readers);
      var stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), readers);
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("still running after " + TIMEOUT + "; stderr: " + stderr.getNow("?"));
      }
      var took = Duration.ofNanos(System.nanoTime() - started);
      return new Finished(process.exitValue(), stdout.get(30, TimeUnit.SECONDS), stderr.get(30, TimeUnit.SECONDS), took);
    } finally {
      readers.shutdownNow();
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void put(Map<String, String> env, String key, String value) {
    if (value != null && !value.isEmpty()) {
      env.put(key, value);
    }
  }

  private static String json(Map<String, String> map) {
    var object = new com.google.gson.JsonObject();
    map.forEach(object::addProperty);
    return object.toString(); // the engine always sends a config map, so at least "{}"
  }

  private static String jsonList(List<String> list) {
    var array = new com.google.gson.JsonArray();
    list.forEach(array::add);
    return array.toString(); // constructConfigSecretKeys sends "[]" for none
  }

  /** The module's directory and project file, from a test's working directory (cli/). */
  static Path moduleDirectory() {
    return Path.of("..", "iac", "pulumi").toAbsolutePath().normalize();
  }

  static String projectFile() throws IOException {
    return Files.readString(moduleDirectory().resolve("Pulumi.yaml"));
  }

  static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }
}
