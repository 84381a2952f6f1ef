package org.project_planton.awsdynamodb.cli.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.cli.Jdk25;
import org.project_planton.awsdynamodb.cli.program.JavaLanguageHostStandIn.RunRequest;

/**
 * The debugging route as a new user takes it: the documented edit of iac/pulumi/Pulumi.yaml, then
 * the program started as the Java language host starts it. The program (and only the program)
 * waits under JDWP on loopback until a debugger attaches, then completes; plugin discovery on the
 * same binary answers at once with clean JSON. On JDK 25 when installed, with two CPUs, so that the
 * debug route is held to the common-pool fix as well.
 */
class DebugRouteTest {

  static final String PROGRAM_LINE = "    binary: target/awsdynamodb-pulumi.jar\n";
  static final String DEBUG_LINE = "    # binary: target/awsdynamodb-pulumi-debug.jar\n";

  /** README.md, "Debugging": comment the program's binary line, uncomment the debug one. */
  static String debugProjectFile(String pulumiYaml) {
    assertTrue(pulumiYaml.contains(PROGRAM_LINE) && pulumiYaml.contains(DEBUG_LINE), pulumiYaml);
    return pulumiYaml.replace(PROGRAM_LINE, "    # binary: target/awsdynamodb-pulumi.jar\n")
        .replace(DEBUG_LINE, "    binary: target/awsdynamodb-pulumi-debug.jar\n");
  }

  @Test
  void theProgramWaitsForADebuggerAndDiscoveryDoesNot() throws Exception {
    var jdk25 = Jdk25.java();
    var java = jdk25.orElse(JavaLanguageHostStandIn.testJava());
    int port = freePort(); // not 5005: other suites may run at the same time
    var env = new HashMap<String, String>();
    env.put("PROJECT_PLANTON_DEBUG_PORT", Integer.toString(port));
    jdk25.ifPresent(unused -> env.put("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=2"));
    var host = ProgramJarTest.host(java, debugProjectFile(JavaLanguageHostStandIn.projectFile()), env);
    assertEquals("target/awsdynamodb-pulumi-debug.jar", host.binary());

    var discovery = host.discoverPackages();
    assertEquals(0, discovery.exitCode(), discovery.stderr());
    ProgramJarTest.assertAwsPlugin(discovery);
    assertTrue(isFree(port), "discovery left something listening on " + port);

    try (var engine = new StandInPulumiEngine("awsdynamodb", "dev", false)) {
      var program = host.start(engine, RunRequest.update(
          Map.of(ProgramJarTest.CONFIG_KEY, ProgramJarTest.stackInput(false)), List.of(ProgramJarTest.CONFIG_KEY)));
      try {
        VirtualMachine vm = attach(port, program);
        try {
          assertTrue(program.isAlive());
          assertEquals(List.of(), engine.registrations(), "suspended before main: nothing registered yet");
          nonLoopbackAddress().ifPresent(address -> assertUnreachable(address, port));
          assertTrue(vm.allThreads().stream().anyMatch(t -> t.name().equals("main")), "the program's JVM");
        } finally {
          vm.dispose(); // the debugger detaches: the program resumes
        }
        var run = JavaLanguageHostStandIn.finish(program);
        ProgramJarTest.assertDeployed(run, engine, "us-east-1"); // no providerConfig: the stand-in's default region
      } finally {
        program.descendants().forEach(ProcessHandle::destroyForcibly);
        program.destroyForcibly();
      }
    }
  }

  /** Attaches as an IDE's "Remote JVM Debug" does (JDI socket attach), retrying until it listens. */
  static VirtualMachine attach(int port, Process program) throws Exception {
    AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
        .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
    var args = connector.defaultArguments();
    args.get("hostname").setValue("localhost");
    args.get("port").setValue(Integer.toString(port));
    args.get("timeout").setValue("10000");
    long deadline = System.nanoTime() + JavaLanguageHostStandIn.TIMEOUT.toNanos();
    while (true) {
      try {
        return connector.attach(args);
      } catch (IOException notYet) {
        if (!program.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("no JDWP listener on localhost:" + port + "; program alive: " + program.isAlive(), notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static boolean isFree(int port) {
    try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** One of this machine's addresses that is not loopback, if it has one. */
  static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces().filter(i -> {
      try {
        return i.isUp() && !i.isLoopback();
      } catch (IOException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLinkLocalAddress()).findFirst();
  }

  static void assertUnreachable(InetAddress address, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      throw new AssertionError("JDWP reachable on " + address + ":" + port + "; it must listen on loopback only");
    } catch (IOException expected) {
      // refused: loopback only
    }
  }
}
