package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = TestManifests.MINIMAL;

    @TempDir
    Path dir;

    @Test
    void aWarningAlonePrintsOnStderrAndExitsZero() throws Exception {
        Path manifest = Files.writeString(dir.resolve("insights.yaml"), VALID + """
                  serverSideEncryption:
                    enabled: true
                  contributorInsightsEnabled: true
                """);
        CliRun run = CliRun.of("validate", "--manifest", manifest.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(manifest + ": valid\n", run.out());
        assertEquals(List.of(manifest + ":15:31: warning: spec.contributorInsightsEnabled: Contributor Insights shows the table's"
                        + " most accessed and throttled key values in CloudWatch in plain text, outside the AWS managed KMS key (aws/dynamodb)"
                        + " that encrypts this table; AWS advises leaving it off when key data must stay encrypted [contributor_insights.plaintext_keys]"),
                run.err().lines().toList());
    }

    @Test
    void aWarningBesideAnErrorIsPrintedWithItAndTheExitIsOne() throws Exception {
        Path manifest = Files.writeString(dir.resolve("insights.yaml"), VALID.replace("name: orders", "name: o") + """
                  serverSideEncryption:
                    enabled: true
                  contributorInsightsEnabled: true
                """);
        CliRun run = CliRun.of("validate", "--manifest", manifest.toString());

        assertEquals(1, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).contains(": error: metadata.name:"), lines.get(0));
        assertTrue(lines.get(1).contains(": warning: spec.contributorInsightsEnabled:"), lines.get(1));
    }

    @Test
    void fiveMistakesGiveFivePositionedLinesAndExitOne() throws Exception {
        Path manifest = resource("five-mistakes.yaml");
        CliRun run = CliRun.of("validate", "--manifest", manifest.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of(
                manifest + ":4:9: error: metadata.name: metadata.name is the table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.' [table_name.format]",
                manifest + ":7:3: error: spec.provisionedThroughput: When billingMode is PROVISIONED, provisionedThroughput must be set with RCUs and WCUs > 0; for PAY_PER_REQUEST it must be unset or zero [provisioned_requires_throughput]",
                manifest + ":13:13: error: spec.attributeDefinitions[1].name: attribute 'leftover' is defined but no table or index key uses it; DynamoDB rejects unused attribute definitions [attribute_definitions.unused]",
                manifest + ":18:18: error: spec.streamEnabled: streamViewType must be set when streamEnabled is true, and must be UNSPECIFIED when disabled [stream_view_requires_enabled]",
                manifest + ":20:14: error: spec.ttl.enabled: ttl.attributeName must be set when TTL is enabled [ttl_attribute_when_enabled]"),
                lines);
    }

    @Test
    void manyFilesAndDirectoriesInOneRun() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("tables/nested"));
        Path a = Files.writeString(dir.resolve("tables/a.yaml"), VALID);
        Path b = Files.writeString(nested.resolve("b.yml"), VALID.replace("orders", "payments"));
        Files.writeString(nested.resolve("notes.txt"), "not a manifest");
        Path single = Files.writeString(dir.resolve("single.yaml"), VALID);

        CliRun run = CliRun.of("validate", "-m", dir.resolve("tables").toString(), "--manifest", single.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(a + ": valid", b + ": valid", single + ": valid"), run.out().lines().toList());
    }

    @Test
    void filesCheckedInParallelAreReportedInTheirOrderExactlyAsOneByOne() throws IOException {
        String warned = VALID + """
                  serverSideEncryption:
                    enabled: true
                  contributorInsightsEnabled: true
                """;
        List<String> kinds = List.of(VALID, VALID.replace("name: orders", "name: o"), warned, VALID.replace("type: S", "type: X"));
        Path tables = Files.createDirectories(dir.resolve("tables"));
        for (int i = 0; i < 80; i++) {
            Files.writeString(tables.resolve(String.format("t-%02d.yaml", i)), kinds.get(i % kinds.size()));
        }
        // stdout and stderr into one writer, so the interleaving of the two is checked too
        StringBuilder oneByOne = new StringBuilder();
        try (Stream<Path> files = Files.list(tables)) {
            for (Path file : files.sorted().toList()) {
                oneByOne.append(combinedOutput("validate", "-m", file.toString()));
            }
        }

        assertEquals(oneByOne.toString(), combinedOutput("validate", "-m", tables.toString()));
    }

    private static String combinedOutput(String... args) {
        StringWriter both = new StringWriter();
        PrintWriter writer = new PrintWriter(both, true);
        ProjectPlanton.run(args, writer, writer, CliRun.BARE);
        return both.toString();
    }

    @Test
    void oneInvalidFileAmongValidOnesFailsTheRunButAllAreReported() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), VALID.replace("type: S", "type: X"));

        CliRun run = CliRun.of("validate", "-m", bad.toString(), "-m", good.toString());

        assertEquals(1, run.exitCode());
        assertEquals(good + ": valid\n", run.out());
        assertTrue(run.err().startsWith(bad + ":9:13: error: spec.attributeDefinitions[0].type: 'X' is not an AttributeType"), run.err());
    }

    @Test
    void missingFileIsOneLineWithoutStackTrace() {
        CliRun run = CliRun.of("validate", "-m", dir.resolve("absent.yaml").toString());

        assertEquals(1, run.exitCode());
        assertEquals(dir.resolve("absent.yaml") + ": error: no such file [file.not_found]\n", run.err());
    }

    @Test
    void directoryWithoutManifestsIsAUsageError() {
        CliRun run = CliRun.of("validate", "-m", dir.toString());

        assertEquals(2, run.exitCode());
        assertEquals("project-planton validate: error: " + dir + " holds no *.yaml or *.yml files"
                + " (outside target, build, node_modules and directories whose name starts with a dot)\n"
                + "Run 'project-planton validate --help' for usage.\n", run.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("validate").exitCode());
        assertEquals(2, CliRun.of("validate", "--manifest").exitCode());
        assertEquals(2, CliRun.of("no-such-command").exitCode());
        assertEquals(2, CliRun.of("validate", "--other-kinds", "ignore", "x.yaml").exitCode());
        CliRun unknownOption = CliRun.of("validate", "-m", "x.yaml", "--bogus");
        assertEquals(2, unknownOption.exitCode());
        assertFalse(unknownOption.err().contains("Exception"), unknownOption.err());
    }

    @Test
    void aMisspeltFlagIsNamedWithTheFlagMeant() {
        CliRun run = CliRun.of("validate", "--manfest", "x.yaml");

        assertEquals(2, run.exitCode());
        assertEquals("project-planton validate: error: unknown option '--manfest'; did you mean '--manifest'?\n"
                + "Run 'project-planton validate --help' for usage.\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void manifestsAsPositionalArguments() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), VALID);
        Path b = Files.writeString(dir.resolve("b.yaml"), VALID.replace("orders", "payments"));

        CliRun run = CliRun.of("validate", a.toString(), "--manifest", b.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(b + ": valid", a + ": valid"), run.out().lines().toList());
    }

    /** A repository, searched as a whole: build and VCS directories left out, other YAML skipped with one line each. */
    @Test
    void aDirectorySearchSkipsBuildDirectoriesAndYamlThatIsNotAManifest() throws IOException {
        Path table = Files.writeString(dir.resolve("orders.yaml"), VALID);
        Path pulumi = Files.writeString(dir.resolve("Pulumi.yaml"), "name: orders\nruntime: java\ndescription: the orders table\n");
        Path bucket = Files.writeString(dir.resolve("bucket.yaml"), VALID.replace("kind: AwsDynamodb", "kind: AwsS3Bucket"));
        for (String skipped : List.of("target/classes", ".git/refs", "build", "node_modules/x", ".github/workflows")) {
            Files.writeString(Files.createDirectories(dir.resolve(skipped)).resolve("broken.yaml"), VALID.replace("type: S", "type: X"));
        }

        CliRun run = CliRun.of("validate", dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                pulumi + ": skipped, not a manifest (it has neither apiVersion nor kind)",
                bucket + ": skipped, kind AwsS3Bucket, not AwsDynamodb (--other-kinds=error reports it)",
                table + ": valid"), run.out().lines().toList());
        assertEquals("", run.err());

        CliRun strict = CliRun.of("validate", "--other-kinds=error", dir.toString());
        assertEquals(1, strict.exitCode());
        assertEquals(bucket + ":2:7: error: kind: kind is 'AwsS3Bucket'; this tool deploys AwsDynamodb [manifest.kind]\n", strict.err());
    }

    /** Named on the command line, a file that is not a manifest is an error in one line, not one per unknown field. */
    @Test
    void aNamedFileThatIsNotAManifestIsOneLine() throws IOException {
        Path pulumi = Files.writeString(dir.resolve("Pulumi.yaml"), "name: orders\nruntime: java\ndescription: the orders table\n");

        CliRun run = CliRun.of("validate", pulumi.toString());

        assertEquals(1, run.exitCode());
        assertEquals(pulumi + ":1:1: error: not an AwsDynamodb manifest: it has neither apiVersion nor kind [manifest.kind]\n", run.err());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ValidateCommandTest.class.getClassLoader().getResource(name).toURI());
    }
}
