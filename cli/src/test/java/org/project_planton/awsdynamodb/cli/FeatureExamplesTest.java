package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The README's one-example-per-feature manifests plan exactly what their {@code # expects:} line
 * says, and the two every-field manifests in {@code examples/} use every spec field between them,
 * each one visible in the plan.
 */
class FeatureExamplesTest {
    private static final Pattern EXPECTING_BLOCK = Pattern.compile("```yaml\n# expects: ([^\n]*)\n(.*?)```", Pattern.DOTALL);
    private static final Set<String> ALWAYS = Set.of("pulumi:providers:aws", PlannedResource.TABLE_TYPE);
    private static final List<Path> EVERY_FIELD = List.of(
            Path.of("..", "examples", "every-field-provisioned-restore.yaml"),
            Path.of("..", "examples", "every-field-on-demand-import.yaml"));

    static Stream<List<String>> readmeExamples() throws IOException {
        List<List<String>> examples = new ArrayList<>();
        Matcher block = EXPECTING_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
        while (block.find()) {
            examples.add(List.of(block.group(1), block.group(2)));
        }
        assertEquals(9, examples.size(), "one README example per feature of issue 11");
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeExamples")
    void readmeExamplePlansWhatItSays(List<String> example) throws Exception {
        List<String> expected = Stream.of(example.get(0).split(",\\s*")).toList();
        Plan plan = Planner.plan(AwsDynamodbStackInput.newBuilder()
                .setTarget(Manifests.loadValid(example.get(1), "README.md")).build());

        List<String> extra = plan.resources().stream().map(PlannedResource::type).filter(t -> !ALWAYS.contains(t)).sorted().toList();
        assertEquals(expected.stream().filter(e -> !e.startsWith("table.")).sorted().toList(), extra, plan.toText());
        Map<String, Object> table = table(plan).inputs();
        for (String input : expected.stream().filter(e -> e.startsWith("table.")).map(e -> e.substring(6)).toList()) {
            assertTrue(table.containsKey(input), "the table lacks " + input + ": " + table);
        }
    }

    @Test
    void theEveryFieldManifestsUseAllSpecFieldsBetweenThem() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path file : EVERY_FIELD) {
            AwsDynamodb manifest = Manifests.loadValid(file);
            manifest.getSpec().getAllFields().keySet().forEach(f -> used.add(f.getName()));
        }
        Set<String> all = AwsDynamodbSpec.getDescriptor().getFields().stream().map(FieldDescriptor::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(23, all.size());
        assertEquals(all, used);
    }

    @Test
    void everyFieldAManifestSetsIsVisibleInItsPlan() throws Exception {
        for (Path file : EVERY_FIELD) {
            AwsDynamodb manifest = Manifests.loadValid(file);
            Plan plan = Planner.plan(AwsDynamodbStackInput.newBuilder().setTarget(manifest).build());
            Map<String, Object> table = table(plan).inputs();
            Set<String> types = plan.resources().stream().map(PlannedResource::type).collect(Collectors.toSet());
            for (FieldDescriptor field : manifest.getSpec().getAllFields().keySet()) {
                String evidence = switch (field.getName()) {
                    case "contributor_insights_enabled" -> "aws:dynamodb/contributorInsights:ContributorInsights";
                    case "auto_scaling" -> "aws:appautoscaling/policy:Policy";
                    case "resource_policy" -> "aws:dynamodb/resourcePolicy:ResourcePolicy";
                    case "kinesis_streaming_destination" -> "aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination";
                    default -> null;
                };
                if (evidence != null) {
                    assertTrue(types.contains(evidence), file + ": " + field.getName() + " registers no " + evidence);
                    continue;
                }
                String input = switch (field.getName()) {
                    case "provisioned_throughput" -> "readCapacity";
                    case "attribute_definitions" -> "attributes";
                    case "key_schema" -> "hashKey";
                    case "ttl" -> "ttl";
                    case "point_in_time_recovery_enabled" -> "pointInTimeRecovery";
                    case "point_in_time_recovery_period_in_days" -> "pointInTimeRecovery";
                    case "import_source" -> "importTable";
                    case "restore_source" -> "restoreSourceName";
                    default -> field.getJsonName();
                };
                assertTrue(table.containsKey(input), file + ": " + field.getName() + " is not in the plan as " + input + ": " + table);
            }
            assertEquals(manifest.getSpec().getPointInTimeRecoveryPeriodInDays(),
                    ((Number) ((Map<?, ?>) table.get("pointInTimeRecovery")).get("recoveryPeriodInDays")).intValue(), file.toString());
            assertTrue(((Map<?, ?>) table.get("tags")).keySet().containsAll(manifest.getSpec().getTagsMap().keySet()), file.toString());
        }
    }

    /** The table's own Region is known only with the provider config: plan checks the replicas against it. */
    @Test
    void aReplicaInTheProviderConfigsRegionIsAPositionedError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("global.yaml"), """
                apiVersion: aws.project-planton.org/v1
                kind: AwsDynamodb
                metadata:
                  name: sessions
                spec:
                  billingMode: PAY_PER_REQUEST
                  attributeDefinitions:
                    - {name: id, type: S}
                  keySchema:
                    - {attributeName: id, keyType: HASH}
                  streamEnabled: true
                  streamViewType: NEW_AND_OLD_IMAGES
                  replicas:
                    - regionName: eu-west-1
                """);
        Path credentials = Files.writeString(dir.resolve("aws.yaml"), """
                accountId: "123456789012"
                accessKeyId: AKIAIOSFODNN7EXAMPLE
                secretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                region: eu-west-1
                """);
        Files.setPosixFilePermissions(credentials, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliRun run = CliRun.of("plan", "-m", manifest.toString(), "--aws-provider-config", credentials.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(manifest + ":14:19: error: spec.replicas[0].regionName: the table itself is in eu-west-1 (the provider"
                + " config's Region); a replica must be in another Region [replicas.not_table_region]", run.err().strip());
        assertEquals(0, CliRun.of("plan", "-m", manifest.toString()).exitCode(), "without the provider config the Region is unknown");
    }

    private static PlannedResource table(Plan plan) {
        return plan.resources().stream().filter(r -> r.type().equals(PlannedResource.TABLE_TYPE)).findFirst().orElseThrow();
    }
}
