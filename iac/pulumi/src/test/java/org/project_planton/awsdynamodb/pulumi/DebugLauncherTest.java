package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The debug jar's command line; DebugRouteTest (cli) runs it for real under a stand-in engine. */
class DebugLauncherTest {

  @Test
  void startsTheProgramJarSuspendedUnderJdwpOnLoopbackOnly() {
    var command = DebugLauncher.command(Path.of("/jdk/bin/java"), Path.of("/m/target/awsdynamodb-pulumi.jar"), 5005,
        new String[] {"extra"});
    assertEquals(List.of("/jdk/bin/java",
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,quiet=y,address=127.0.0.1:5005",
        "-jar", "/m/target/awsdynamodb-pulumi.jar", "extra"), command);
  }

  @Test
  void portIs5005UnlessTheEnvironmentSaysOtherwise() {
    assertEquals(5005, DebugLauncher.port(null));
    assertEquals(5005, DebugLauncher.port(" "));
    assertEquals(5006, DebugLauncher.port("5006"));
    for (var bad : List.of("0", "65536", "x", "-1")) {
      var e = assertThrows(IllegalArgumentException.class, () -> DebugLauncher.port(bad));
      assertTrue(e.getMessage().contains(DebugLauncher.PORT_ENV), e.getMessage());
    }
  }
}
