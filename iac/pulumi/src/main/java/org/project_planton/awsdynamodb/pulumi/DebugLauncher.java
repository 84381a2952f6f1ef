package org.project_planton.awsdynamodb.pulumi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Main-Class of {@code target/awsdynamodb-pulumi-debug.jar}, the binary of Pulumi.yaml's
 * debug line. It starts the program jar next to it in a second JVM (the same {@code java}) under
 * JDWP, suspended until a debugger attaches on 127.0.0.1 (port 5005, or
 * {@value #PORT_ENV}), and exits with its exit code.
 *
 * <p>Why a second JVM: pulumi-language-java's jar executor runs only a binary ending in
 * {@code .jar}, as {@code java -jar BINARY}, and a jar's manifest cannot carry JVM options; a
 * {@code debug.sh} binary is never run (the Maven executor is chosen instead). And why not
 * {@code JAVA_TOOL_OPTIONS}: it also reaches the plugin-discovery JVM
 * ({@code java -cp BINARY com.pulumi.bootstrap.internal.Main packages}), which then hangs
 * (suspend=y) or pollutes its JSON. Discovery on this jar calls the SDK's bootstrap directly, so
 * it answers at once.
 */
public final class DebugLauncher {

  public static final String PORT_ENV = "PROJECT_PLANTON_DEBUG_PORT";
  static final int DEFAULT_PORT = 5005;
  static final String PROGRAM_JAR = "awsdynamodb-pulumi.jar";

  private DebugLauncher() {}

  public static void main(String[] args) throws Exception {
    CommonPool.ensureParallelism();
    int port;
    try {
      port = port(System.getenv(PORT_ENV));
    } catch (IllegalArgumentException e) {
      System.err.println("awsdynamodb debug: " + e.getMessage());
      System.exit(1);
      return;
    }
    var here = Path.of(DebugLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    var command = command(Path.of(System.getProperty("java.home"), "bin", "java"),
        here.resolveSibling(PROGRAM_JAR), port, args);
    // The language host shows the program's output only when it fails; pulumi shows the run as
    // waiting meanwhile. quiet=y: the host reads "Listening for transport dt_socket" on stdout as
    // its own `--attach-debugger` handshake (for the Maven executor, on another port).
    System.err.println("awsdynamodb debug: the program waits for a debugger on localhost:" + port + " (JDWP)");
    var program = new ProcessBuilder(command).inheritIO().start();
    // pulumi cancelling (SIGINT/SIGTERM) ends the program too; nothing stays behind suspended.
    Runtime.getRuntime().addShutdownHook(new Thread(program::destroy, "awsdynamodb-debug-stop"));
    System.exit(program.waitFor());
  }

  /** The JVM command: the same java, the program jar, JDWP on loopback only, suspended. */
  static List<String> command(Path java, Path programJar, int port, String[] args) {
    var command = new ArrayList<String>();
    command.add(java.toString());
    command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,quiet=y,address=127.0.0.1:" + port);
    command.add("-jar");
    command.add(programJar.toString());
    command.addAll(Arrays.asList(args));
    return command;
  }

  static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(PORT_ENV + " must be a port number from 1 to 65535, not '" + value + "'");
  }
}
