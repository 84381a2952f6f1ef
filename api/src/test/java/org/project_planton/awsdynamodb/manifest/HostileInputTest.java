package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of hostile input an adversarial probe found: deep nesting, files that are not
 * regular files, huge values, credentials typed in the wrong place and {@code --set} edges.
 * Each must give one clean line per problem, quickly.
 */
class HostileInputTest {
    private static final String MANIFEST = TestManifests.MINIMAL;
    /** A bound that catches a hang or quadratic work, loose enough for a machine shared by many builds. */
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<Diagnostic> load(String yaml) {
        return assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValid(yaml, "hostile.yaml")));
    }

    private static List<Diagnostic> loadWithSets(Path file, String... assignments) {
        return assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValid(file, List.of(assignments))));
    }

    private static String only(List<Diagnostic> diagnostics) {
        assertEquals(1, diagnostics.size(), () -> "diagnostics: " + diagnostics.stream().map(Diagnostic::format).toList());
        String line = diagnostics.get(0).format();
        assertTrue(line.chars().noneMatch(c -> c < 0x20), () -> "one printable line: " + line);
        return line;
    }

    // ---- nesting: at the limit it is only YAML; one level beyond, and far beyond, it is one line

    /** A nest of {@code levels} lists or mappings in each YAML style, holding a scalar. */
    static Stream<Arguments> nestingStyles() {
        IntFunction<String> flowLists = n -> "[".repeat(n) + "1" + "]".repeat(n);
        IntFunction<String> flowMappings = n -> "{a: ".repeat(n) + "1" + "}".repeat(n);
        IntFunction<String> blockLists = n -> "\n" + "  ".repeat(2) + "- ".repeat(n) + "1"; // compact nested sequences
        IntFunction<String> blockMappings = n -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append('\n').append("  ".repeat(i + 2)).append("a:");
            }
            return out.append(" 1").toString();
        };
        return Stream.of(
                Arguments.of("flow lists", flowLists),
                Arguments.of("flow mappings", flowMappings),
                Arguments.of("block lists", blockLists),
                Arguments.of("block mappings", blockMappings));
    }

    /** The manifest with an unknown spec field {@code deep} whose value nests so that the document is {@code depth} deep. */
    private static String nestedTo(IntFunction<String> style, int depth) {
        return MANIFEST.replace("spec:\n", "spec:\n  deep: " + style.apply(depth - 2) + "\n"); // the root and spec are 2 levels
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestingStyles")
    void nestingAtTheLimitIsRead(String style, IntFunction<String> nest) {
        String line = only(load(nestedTo(nest, DepthLimitedComposer.MAX_DEPTH)));
        assertTrue(line.endsWith("[yaml.unknown_field]"), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestingStyles")
    void nestingOneLevelBeyondTheLimitIsOneLine(String style, IntFunction<String> nest) {
        String line = only(load(nestedTo(nest, DepthLimitedComposer.MAX_DEPTH + 1)));
        assertTrue(line.matches("hostile\\.yaml:\\d+:\\d+: error: the document.*"), line);
        assertTrue(line.endsWith(": error: the document lists and mappings nest more than 64 levels deep; a manifest nests about 6 [yaml.too_deep]"), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestingStyles")
    void nestingThatOnceOverflowedTheStackIsOneLine(String style, IntFunction<String> nest) {
        int depth = style.equals("block mappings") ? 900 : 20_000; // block mappings grow quadratically; 900 stays under 1 MiB
        String line = only(load(nestedTo(nest, depth)));
        assertTrue(line.endsWith("[yaml.too_deep]"), line);
    }

    @Test
    void deepNestingInASetValueNamesTheSet() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        String line = only(loadWithSets(file, "spec.keySchema=" + "[".repeat(5000) + "]".repeat(5000)));
        assertTrue(line.startsWith("--set spec.keySchema=[[[["), line);
        assertTrue(line.endsWith("characters): error: the document lists and mappings nest more than 64 levels deep; a manifest nests about 6 [yaml.too_deep]"), line);
    }

    // ---- files that are not regular files are refused before they are opened

    @Test
    void fifoIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("manifest.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");
        assertEquals(fifo + ": error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]",
                only(assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValid(fifo)))));
        assertEquals(fifo + ": error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]",
                only(assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValidProviderConfig(fifo)))));
    }

    @Test
    void deviceIsRefusedAtOnce() {
        Path device = Path.of("/dev/zero"); // endless: reading it would fill the size cap, then say "too large"
        assumeTrue(Files.exists(device));
        assertEquals("/dev/zero: error: not a regular file (a FIFO, socket or device); give a file [file.not_regular]",
                only(assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValidProviderConfig(device)))));
    }

    @Test
    void directoryIsRefused() {
        assertEquals(dir + ": error: is a directory, not a file [file.not_regular]", only(Cases.diagnostics(() -> Manifests.loadValid(dir))));
    }

    @Test
    void brokenAndLoopingSymbolicLinksAreNamed() throws Exception {
        Path broken = Files.createSymbolicLink(dir.resolve("broken.yaml"), dir.resolve("absent.yaml"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        assertEquals(broken + ": error: a symbolic link to a file that does not exist [file.not_found]",
                only(Cases.diagnostics(() -> Manifests.loadValid(broken))));
        String line = only(assertTimeoutPreemptively(QUICKLY, () -> Cases.diagnostics(() -> Manifests.loadValid(loop))));
        assertTrue(line.startsWith(loop + ": error: cannot read the file: ") && line.endsWith("[file.unreadable]"), line);
    }

    // ---- a huge value or key is quoted in part, with its length

    @Test
    void aMegabyteEnumValueIsQuotedInPart() {
        String huge = "X".repeat(1_000_000);
        String line = only(load(MANIFEST.replace("PAY_PER_REQUEST", huge)));
        assertTrue(line.contains("'" + "X".repeat(Text.QUOTE_LIMIT) + "... (1000000 characters)' is not a BillingMode"), line);
        assertTrue(line.length() < 500, () -> "quoted in part: " + line.length() + " characters");
    }

    @Test
    void aMegabyteKeyIsQuotedInPart() {
        String line = only(load(MANIFEST.replace("spec:\n", "spec:\n  ? " + "k".repeat(1_000_000) + "\n  : 1\n")));
        assertTrue(line.contains("unknown field '" + "k".repeat(Text.QUOTE_LIMIT) + "... (1000000 characters)' in AwsDynamodbSpec"), line);
        assertTrue(line.length() < 800, () -> "quoted in part: " + line.length() + " characters");
    }

    @Test
    void aMegabyteMapKeyIsCutInThePath() {
        String line = only(load(MANIFEST.replace("  name: orders\n", "  name: orders\n  labels: {? " + "k".repeat(900_000) + " : [x]}\n")));
        assertTrue(line.startsWith("hostile.yaml:5:"), line);
        assertTrue(line.contains("metadata.labels[\"kkkk") && line.contains("(900019 characters)"), line);
        assertTrue(line.length() < 1_000, () -> "cut: " + line.length() + " characters");
    }

    // ---- credentials typed where they do not belong are never repeated

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    static Stream<Arguments> secretsInTheWrongPlace() {
        String good = "accountId: \"123456789012\"\naccessKeyId: " + KEY_ID + "\nsecretAccessKey: " + SECRET + "\nregion: us-east-1\n";
        return Stream.of(
                Arguments.of("a secret as a field name", good + SECRET + ": x\n", "[yaml.unknown_field]"),
                Arguments.of("a secret as a field name with no value", good + SECRET + ":\n", "[yaml.unknown_field]"),
                Arguments.of("the secret line pasted without its key", good.replace("secretAccessKey: ", "") + "x: 1\n", "[yaml.syntax]"),
                Arguments.of("a secret as the value of an unknown field", good + "secret: " + SECRET + "\n", "[yaml.unknown_field]"),
                Arguments.of("a secret as the key of a nested mapping", good + "extra: {" + SECRET + ": 1}\n", "[yaml.unknown_field]"),
                Arguments.of("a secret in the region field", good.replace("region: us-east-1", "region: [" + SECRET + "]"), "[yaml.type]"),
                Arguments.of("a secret in the account id", good.replace("\"123456789012\"", SECRET.substring(0, 12)), "[account_id.format]"),
                Arguments.of("a key id as a mapping", good.replace("accessKeyId: " + KEY_ID, "accessKeyId: {" + KEY_ID + ": " + SECRET + "}"), "[yaml.type]"),
                Arguments.of("a secret given twice", good + "secretAccessKey: " + SECRET + "\n", "[yaml.duplicate_key]"),
                Arguments.of("a secret as the whole file", SECRET + "\n", "[yaml.not_mapping]"),
                Arguments.of("a secret as a list item", "- " + SECRET + "\n", "[yaml.not_mapping]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretsInTheWrongPlace")
    void credentialsFileNeverRepeatsASecret(String name, String yaml, String rule) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"), yaml);
        List<Diagnostic> diagnostics = Cases.diagnostics(() -> Manifests.loadValidProviderConfig(file));
        assertFalse(diagnostics.isEmpty());
        assertTrue(diagnostics.stream().anyMatch(d -> d.format().endsWith(rule)), () -> diagnostics.toString());
        for (Diagnostic d : diagnostics) {
            for (String secret : List.of(SECRET, KEY_ID, SECRET.substring(0, 12))) {
                assertFalse(d.format().contains(secret), () -> "repeats a credential: " + d.format());
            }
        }
    }

    @Test
    void unknownKeyInACredentialsFileIsPositionedNotQuoted() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.yaml"), "region: us-east-1\n" + SECRET + ": x\n");
        List<Diagnostic> diagnostics = Cases.diagnostics(() -> Manifests.loadValidProviderConfig(file));
        assertTrue(diagnostics.stream().map(Diagnostic::format).anyMatch((file + ":2:1: error: unknown field in AwsProviderConfig"
                + " (its name is not repeated: this file holds secrets); known fields: accountId, accessKeyId, secretAccessKey, region,"
                + " sessionToken [yaml.unknown_field]")::equals), diagnostics.toString());
    }

    // ---- --set edges: each one line, labelled with its --set, with a rule id

    static Stream<Arguments> setEdges() {
        return Stream.of(
                Arguments.of("spec.keySchema[99999999999]=x",
                        "--set spec.keySchema[99999999999]=x: error: spec.keySchema: index 99999999999 is out of range; keySchema has 1 element, [0] to [0]; set the whole list to add one [set.path]"),
                Arguments.of("spec.keySchema[1].keyType=RANGE",
                        "--set spec.keySchema[1].keyType=RANGE: error: spec.keySchema: index 1 is out of range; keySchema has 1 element, [0] to [0]; set the whole list to add one [set.path]"),
                Arguments.of("spec.globalSecondaryIndexes[0]={}",
                        "--set spec.globalSecondaryIndexes[0]={}: error: spec.globalSecondaryIndexes: index 0 is out of range; globalSecondaryIndexes has 0 elements; set the whole list to add one [set.path]"),
                Arguments.of("spec.keySchema[0]=",
                        "--set spec.keySchema[0]=: error: spec.keySchema[0]: an empty value cannot replace one list element; give the element's value, or set the whole list (an empty value clears a whole field) [set.value]"),
                Arguments.of("spec.keySchema[0]=~",
                        "--set spec.keySchema[0]=~: error: spec.keySchema[0]: an empty value cannot replace one list element; give the element's value, or set the whole list (an empty value clears a whole field) [set.value]"),
                Arguments.of("metadata.labels.=x",
                        "--set metadata.labels.=x: error: metadata.labels: labels is a map, not a list; name a key after a dot: metadata.labels.KEY=VALUE [set.path]"),
                Arguments.of("metadata.labels[0]=x",
                        "--set metadata.labels[0]=x: error: metadata.labels: labels is a map, not a list; name a key after a dot: metadata.labels.KEY=VALUE [set.path]"),
                Arguments.of("spec.keySchema.keyType=HASH",
                        "--set spec.keySchema.keyType=HASH: error: spec.keySchema: keySchema is a list; name an element, such as spec.keySchema[0] [set.path]"),
                Arguments.of("spec.billingMode[0]=PROVISIONED",
                        "--set spec.billingMode[0]=PROVISIONED: error: spec.billingMode: billingMode is not a list; drop the [0] [set.path]"),
                Arguments.of("spec.billingMode.x=1",
                        "--set spec.billingMode.x=1: error: spec.billingMode: billingMode has no fields to set [set.path]"),
                Arguments.of("spec.=1",
                        "--set spec.=1: error: spec: the path ends in a dot; name a field after it [set.path]"),
                Arguments.of("spec..billingMode=1",
                        "--set spec..billingMode=1: error: spec: cannot read the path at '.billingMode'; expected a field name, such as spec.billingMode [set.path]"),
                Arguments.of("=x",
                        "--set =x: error: expected path=value, such as spec.billingMode=PROVISIONED [set.syntax]"),
                Arguments.of("spec.billingMode=\u001b[2J\nforged",
                        "--set spec.billingMode=\\x1b[2J\\nforged: error: YAML syntax: special characters are not allowed [yaml.syntax]"),
                Arguments.of("spec.billingMode=\"\\e[2J\\nforged\"",
                        "--set spec.billingMode=\"\\e[2J\\nforged\": error: spec.billingMode: '\\x1b[2J\\nforged' is not a BillingMode; accepted values: PROVISIONED, PAY_PER_REQUEST [yaml.enum]"),
                Arguments.of("spec.provisionedThroughput.readCapacityUnits=５",
                        "--set spec.provisionedThroughput.readCapacityUnits=５: error: spec.provisionedThroughput.readCapacityUnits: expected an integer, got '５' [yaml.type]"));
    }

    @ParameterizedTest(name = "--set {0}")
    @MethodSource("setEdges")
    void setEdgeIsOneLabelledLine(String assignment, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        assertEquals(expected, only(loadWithSets(file, assignment)));
    }

    @Test
    void setOfAMapKeyAndOfAWholeMapStillWork() throws Exception {
        Path file = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
        assertEquals("payments", Manifests.loadValid(file, List.of("metadata.labels.team=payments")).getMetadata().getLabelsOrThrow("team"));
        assertEquals("b", Manifests.loadValid(file, List.of("metadata.labels={a: b}")).getMetadata().getLabelsOrThrow("a"));
        assertEquals(0, Manifests.loadValid(file, List.of("metadata.labels.team=x", "metadata.labels=")).getMetadata().getLabelsCount());
    }
}
