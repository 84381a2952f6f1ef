package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.pulumi.plan.Plan;
import org.project_planton.awsdynamodb.pulumi.plan.PlannedResource;
import org.project_planton.awsdynamodb.pulumi.plan.Planner;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * No input that {@code validate} accepts may crash {@code plan}: every YAML file in the repository
 * (test data, examples, the hack manifest) and every manifest in the README that validates, as a
 * manifest or as a stack input, is planned under the mock engine, and must register its table.
 */
class PlanEveryValidManifestTest {
    private static final Path REPO = Path.of("..");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".mvn", "node_modules");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    static Stream<Arguments> validInputs() throws IOException {
        List<Arguments> inputs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(REPO)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> Stream.of(REPO.relativize(p).toString().split("/")).noneMatch(SKIPPED_DIRECTORIES::contains))
                    .sorted().toList();
        }
        for (Path file : files) {
            validInput(Files.readString(file), REPO.relativize(file).toString()).ifPresent(input ->
                    inputs.add(Arguments.of(REPO.relativize(file).toString(), input)));
        }
        Matcher block = YAML_BLOCK.matcher(Files.readString(REPO.resolve("README.md")));
        for (int i = 1; block.find(); i++) {
            String name = "README.md yaml block " + i;
            validInput(block.group(1), name).ifPresent(input -> inputs.add(Arguments.of(name, input)));
        }
        // Far fewer would mean the walk missed the test data, not that the repository has none.
        assertTrue(inputs.size() >= 30, "expected the repository's valid manifests, found " + inputs.size());
        return inputs.stream();
    }

    /** The stack input a YAML text makes when it validates as a manifest or as a stack input. */
    private static java.util.Optional<AwsDynamodbStackInput> validInput(String yaml, String name) {
        try {
            return java.util.Optional.of(AwsDynamodbStackInput.newBuilder().setTarget(Manifests.loadValid(yaml, name)).build());
        } catch (InvalidManifestException notAManifest) {
            try {
                return java.util.Optional.of(Manifests.loadValidStackInput(yaml, name));
            } catch (InvalidManifestException notAStackInput) {
                return java.util.Optional.empty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validInputs")
    @Timeout(60)
    void plans(String name, AwsDynamodbStackInput input) {
        Plan plan = Planner.plan(input);

        List<PlannedResource> tables = plan.resources().stream().filter(r -> r.type().equals(PlannedResource.TABLE_TYPE)).toList();
        assertEquals(1, tables.size(), name + " registers one table: " + plan.toText());
        assertEquals(input.getTarget().getMetadata().getName(), tables.get(0).inputs().get("name"), name);
    }
}
