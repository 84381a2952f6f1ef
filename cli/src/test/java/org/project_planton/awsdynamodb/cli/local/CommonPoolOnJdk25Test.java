package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.awsdynamodb.cli.Jdk25;

/**
 * `plan`, `local up` and `local status` as separate JVMs on JDK 25 with one and with two CPUs,
 * where SDK 1.36.1 livelocked before the command line raised the common pool's parallelism
 * (pulumi/pulumi-java#2270). Started without any JVM flag of ours but the CPU limit, as a user
 * runs `java -jar`. Skipped where no JDK 25 is installed.
 */
class CommonPoolOnJdk25Test {
    static final long TIMEOUT_SECONDS = 180;

    @Test
    void planLocalUpAndStatusCompleteOnOneAndTwoCpus(@TempDir Path dir) throws Exception {
        var java = Jdk25.java();
        assumeTrue(java.isPresent(), "no JDK 25 under /usr/lib/jvm");
        var manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(Path.of(LocalCommandTest.MANIFEST)).replace("name: orders", "name: jdk25-orders"));
        var endpoint = EmbeddedDynamoDb.endpoint();
        try {
            var plan = run(java.get(), 1, "plan", "--manifest", manifest.toString(), "-o", "json");
            assertTrue(plan.contains("\"aws:dynamodb/table:Table\"") && plan.contains("\"jdk25-orders\""), plan);
            var up = run(java.get(), 2, "local", "up", "--manifest", manifest.toString(), "--endpoint", endpoint);
            assertTrue(up.contains("table_arn: arn:aws:dynamodb:"), up);
            var status = run(java.get(), 1, "local", "status", "--manifest", manifest.toString(), "--endpoint", endpoint);
            assertTrue(status.contains("table jdk25-orders: in sync with the manifest"), status);
        } finally {
            EmbeddedDynamoDb.drop("jdk25-orders");
        }
    }

    /** One command line in a JVM of its own; its stdout when it exits 0 within the time bound. */
    static String run(Path java, int cpus, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ActiveProcessorCount=" + cpus,
                "-cp", System.getProperty("java.class.path"), "org.project_planton.awsdynamodb.cli.ProjectPlanton"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        var process = builder.start();
        process.getOutputStream().close();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), readers);
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), readers);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", args) + " on JDK 25 with " + cpus + " CPU(s): still running after "
                        + TIMEOUT_SECONDS + " s (the common-pool livelock)");
            }
            assertEquals(0, process.exitValue(), String.join(" ", args) + ": " + err.get(10, TimeUnit.SECONDS));
            return out.get(10, TimeUnit.SECONDS);
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
}
