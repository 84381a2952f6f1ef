import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * Start-up probe: loads and validates a manifest, runs the real module under the Pulumi SDK's
 * mock engine (Planner), and prints the milliseconds from JVM start until the table has been
 * registered and the plan returned. Used by bench/pulumi-program-startup.sh.
 */
public final class PulumiProgramStartup {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--baseline")) { // the JVM's own start-up on the same class path
      System.out.println(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
      return;
    }
    var manifest = Path.of(args[0]);
    var target = Manifests.loadValid(Files.readString(manifest), manifest.toString());
    var plan = Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(target).build());
    if (plan.resources().stream().noneMatch(r -> r.type().equals("aws:dynamodb/table:Table"))) {
      throw new IllegalStateException("no table registered");
    }
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(sinceJvmStart);
  }
}
