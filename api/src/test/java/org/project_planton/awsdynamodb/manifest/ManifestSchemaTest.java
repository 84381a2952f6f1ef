package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.manifest.ManifestSchema.Kind;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas generated at build time, checked with a JSON Schema validator (networknt) over
 * YAML read as an editor's YAML 1.2 language server reads it: every manifest the loader accepts
 * anywhere in the repository is accepted, and the loader's bad inputs that a schema can express are
 * rejected at the right place.
 */
class ManifestSchemaTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Kind, Schema> SCHEMAS = new LinkedHashMap<>();

    static {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        for (Kind kind : Kind.values()) {
            SCHEMAS.put(kind, registry.getSchema(ManifestSchema.of(kind)));
        }
    }

    /**
     * The loader's bad-input cases a schema rejects, each with the instance location of the
     * problem. Every other case under load/ and invalid/ needs what a schema cannot say (a rule
     * across fields, a set, a quota, YAML itself): {@link #casesTheSchemaCannotExpress} checks
     * that the schema accepts those, so this list is exactly what the schema covers.
     */
    private static final Map<String, String> REJECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("invalid/attribute-type-unspecified.yaml", "/spec/attributeDefinitions/0/type"),
            Map.entry("invalid/key-type-unspecified.yaml", "/spec/keySchema/1/keyType"),
            Map.entry("invalid/five-mistakes.yaml", "/metadata/name"),
            Map.entry("invalid/import-source-bad-fields.yaml", "/spec/importSource/s3Bucket"),
            Map.entry("invalid/kinesis-not-a-stream-arn.yaml", "/spec/kinesisStreamingDestination/streamArn"),
            Map.entry("invalid/limit-auto-scaling.yaml", "/spec/autoScaling/read/scaleInCooldownSeconds"),
            Map.entry("invalid/limit-resource-policy-20481-bytes.yaml", "/spec/resourcePolicy"),
            Map.entry("invalid/replicas-bad-region-and-key-region.yaml", "/spec/replicas/0/regionName"),
            Map.entry("invalid/kms-key-arn-garbage.yaml", "/spec/serverSideEncryption/kmsKeyArn"),
            Map.entry("invalid/limit-21-gsis.yaml", "/spec/globalSecondaryIndexes"),
            Map.entry("invalid/limit-21-non-key-attributes.yaml", "/spec/globalSecondaryIndexes/0/projection/nonKeyAttributes"),
            Map.entry("invalid/limit-6-lsis.yaml", "/spec/localSecondaryIndexes"),
            Map.entry("invalid/limit-gsi-capacity-negative.yaml", "/spec/globalSecondaryIndexes/0/provisionedThroughput"),
            Map.entry("invalid/limit-gsi-name-2-chars.yaml", "/spec/globalSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-gsi-name-256-chars.yaml", "/spec/globalSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-gsi-name-bad-char.yaml", "/spec/globalSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-lsi-name-2-chars.yaml", "/spec/localSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-lsi-name-256-chars.yaml", "/spec/localSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-lsi-name-bad-char.yaml", "/spec/localSecondaryIndexes/0/name"),
            Map.entry("invalid/limit-table-capacity-negative.yaml", "/spec/provisionedThroughput"),
            Map.entry("invalid/limit-table-name-2-chars.yaml", "/metadata/name"),
            Map.entry("invalid/limit-table-name-256-chars.yaml", "/metadata/name"),
            Map.entry("invalid/limit-table-name-bad-char.yaml", "/metadata/name"),
            Map.entry("invalid/limit-ttl-attribute-name-256-chars.yaml", "/spec/ttl/attributeName"),
            Map.entry("invalid/pp-billing-mode-absent.yaml", "/spec"),
            Map.entry("invalid/pp-billing-mode-unspecified.yaml", "/spec/billingMode"),
            Map.entry("invalid/pp-empty-attribute-definitions.yaml", "/spec/attributeDefinitions"),
            Map.entry("invalid/pp-empty-attribute-name.yaml", "/spec/attributeDefinitions/0/name"),
            Map.entry("invalid/pp-empty-key-schema.yaml", "/spec/keySchema"),
            Map.entry("invalid/pp-enum-value-99.yaml", "/spec/attributeDefinitions/0/type"),
            Map.entry("invalid/provider-config/access-key-id-format.yaml", "/accessKeyId"),
            Map.entry("invalid/provider-config/access-key-id-length.yaml", "/accessKeyId"),
            Map.entry("invalid/provider-config/access-key-id-prefix.yaml", "/accessKeyId"),
            Map.entry("invalid/provider-config/account-id-11-digits.yaml", "/accountId"),
            Map.entry("invalid/provider-config/account-id-not-digits.yaml", "/accountId"),
            Map.entry("invalid/provider-config/required-fields-missing.yaml", ""),
            Map.entry("invalid/provider-config/secret-access-key-characters.yaml", "/secretAccessKey"),
            Map.entry("invalid/provider-config/secret-access-key-length.yaml", "/secretAccessKey"),
            Map.entry("invalid/stack-input/invalid-provider-config.yaml", "/provider_config/accountId"),
            Map.entry("invalid/stack-input/invalid-target.yaml", "/target/metadata/name"),
            Map.entry("invalid/stack-input/missing-target.yaml", ""),
            Map.entry("invalid/stack-input/wrong-target-kind.yaml", "/target/kind"),
            Map.entry("load/bad-enum-value.yaml", "/spec/billingMode"),
            Map.entry("load/comments-only.yaml", ""),
            Map.entry("load/control-characters-in-value-and-key.yaml", "/spec"),
            Map.entry("load/non-ascii-digits-arabic-indic-capacity.yaml", "/spec/provisionedThroughput/readCapacityUnits"),
            Map.entry("load/non-ascii-digits-devanagari-enum-number.yaml", "/spec/billingMode"),
            Map.entry("load/non-ascii-digits-fullwidth-capacity.yaml", "/spec/provisionedThroughput/writeCapacityUnits"),
            Map.entry("load/duplicate-key-camel-and-snake-case.yaml", "/spec"),
            Map.entry("load/five-loader-mistakes.yaml", "/status/outputs"),
            Map.entry("load/flow-mapping-without-space-after-colon.yaml", "/spec/provisionedThroughput"),
            Map.entry("load/missing-api-version-and-kind.yaml", ""),
            Map.entry("load/null-list-item.yaml", "/metadata/tags/1"),
            Map.entry("load/provider-config/misspelt-secret-field.yaml", ""),
            Map.entry("load/stack-input/provider-config-given-as-a-string.yaml", "/providerConfig"),
            Map.entry("load/stack-input/target-bool-field-yes.yaml", "/target/spec/streamEnabled"),
            Map.entry("load/top-level-list.yaml", ""),
            Map.entry("load/top-level-scalar.yaml", ""),
            Map.entry("load/unknown-field.yaml", "/spec"),
            Map.entry("load/wrong-api-version.yaml", "/apiVersion"),
            Map.entry("load/wrong-kind.yaml", "/kind"),
            Map.entry("load/yaml11-yes-in-bool-field.yaml", "/spec/streamEnabled"),
            Map.entry("load/wrong-types.yaml", "/spec/attributeDefinitions")));

    @Test
    void everyManifestTheLoaderAcceptsInTheRepositoryIsAcceptedBySchema() throws IOException {
        Map<String, String> examples = repositoryExamples();
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> example : examples.entrySet()) {
            Kind kind = kindTheLoaderAccepts(example.getValue(), example.getKey());
            if (kind == null) {
                continue;
            }
            accepted++;
            List<Error> errors = SCHEMAS.get(kind).validate(yamlAsJson(example.getValue()));
            if (!errors.isEmpty()) {
                failures.add(example.getKey() + " (" + kind + "): " + errors);
            }
        }
        assertEquals(List.of(), failures);
        // The valid cases, the README's examples, iac/hack and the cli's test manifests, at least.
        assertTrue(accepted >= 30, "only " + accepted + " manifests found");
    }

    @Test
    void badInputsASchemaCanExpressAreRejectedWhereTheProblemIs() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> expected : REJECTED.entrySet()) {
            Path file = Cases.file(expected.getKey());
            List<Error> errors = SCHEMAS.get(kindOf(file)).validate(yamlAsJson(Files.readString(file)));
            boolean atPlace = errors.stream().anyMatch(e -> pointer(e).equals(expected.getValue()));
            if (!atPlace) {
                failures.add(expected.getKey() + ": expected an error at '" + expected.getValue() + "', got " + errors);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void casesTheSchemaCannotExpress() throws IOException {
        List<String> rejectedButUnlisted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String dir : List.of("invalid", "load")) {
            for (Path file : Cases.files(dir).toList()) {
                String name = Cases.ROOT.relativize(file).toString();
                seen.add(name);
                String text = Files.readString(file);
                JsonNode json = yamlAsJsonOrNull(text);
                if (json == null || REJECTED.containsKey(name)) {
                    continue; // not YAML a validator can read (syntax, two documents, alias bomb) or listed
                }
                if (!SCHEMAS.get(kindOf(file)).validate(json).isEmpty()) {
                    rejectedButUnlisted.add(name);
                }
            }
        }
        assertEquals(List.of(), rejectedButUnlisted, "rejected by the schema but not listed in REJECTED");
        assertTrue(seen.containsAll(REJECTED.keySet()), "REJECTED names a case that does not exist");
    }

    @Test
    void everyProtoFieldIsAPropertyUnderBothSpellingsWithItsComment() {
        Map<String, Object> schema = parse(ManifestSchema.of(Kind.MANIFEST));
        @SuppressWarnings("unchecked")
        Map<String, Object> definitions = (Map<String, Object>) schema.get("definitions");
        for (Descriptor type : List.of(AwsDynamodbSpec.getDescriptor(), AwsDynamodbSpec.GlobalSecondaryIndex.getDescriptor())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) definitions.get(type.getFullName())).get("properties");
            for (FieldDescriptor field : type.getFields()) {
                assertTrue(properties.containsKey(field.getJsonName()), field.getJsonName());
                assertTrue(properties.containsKey(field.getName()), field.getName());
                assertTrue(properties.get(field.getName()).toString().contains("description="), field + " has no description");
            }
        }
        String text = ManifestSchema.of(Kind.MANIFEST);
        // From the proto comments, and every spelling the loader accepts.
        assertTrue(text.contains("Refuses DeleteTable while true."));
        for (EnumValueDescriptor value : AwsDynamodbSpec.ProjectionType.getDescriptor().getValues()) {
            for (String spelling : EnumSpellings.of(value)) {
                assertTrue(text.contains("\"" + spelling + "\""), spelling);
            }
        }
        assertTrue(text.contains("\"PROJECTION_TYPE_KEYS_ONLY\""));
    }

    @Test
    void eachSchemaIsAValidDraft07Schema() {
        // The meta-schema ships inside the validator; nothing is fetched.
        Schema draft07 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        for (Kind kind : Kind.values()) {
            assertEquals(List.of(), draft07.validate(JSON.readTree(ManifestSchema.of(kind))), kind.resource);
        }
        assertFalse(draft07.validate(JSON.readTree("{\"type\": \"no-such-type\"}")).isEmpty());
    }

    @Test
    void theBuiltSchemaIsWhatTheGeneratorWritesFromTheDescriptorSet() throws IOException {
        Path set = Path.of("target/schema/awsdynamodb.protoset");
        var descriptors = com.google.protobuf.DescriptorProtos.FileDescriptorSet.parseFrom(Files.readAllBytes(set));
        for (Kind kind : Kind.values()) {
            assertEquals(ManifestSchema.generate(kind, descriptors) + "\n", ManifestSchema.of(kind), kind.resource);
        }
    }

    /** Every YAML file in the repository (outside build output) and every yaml block of the README. */
    private static Map<String, String> repositoryExamples() throws IOException {
        Map<String, String> examples = new TreeMap<>();
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return Set.of("target", ".git", "node_modules", ".mvn").contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    examples.put(REPOSITORY.relativize(file).toString(), Files.readString(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Path readme = REPOSITORY.resolve("README.md");
        if (Files.exists(readme)) {
            Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
            for (int i = 1; block.find(); i++) {
                examples.put("README.md yaml block " + i, block.group(1));
            }
        }
        return examples;
    }

    /** The kind of file the loader reads {@code text} as without a problem; null when none does. */
    private static Kind kindTheLoaderAccepts(String text, String name) {
        List<Cases.Loader> loaders = List.of(
                () -> Manifests.loadValid(text, name),
                () -> Manifests.loadValidStackInput(text, name),
                () -> loadProviderConfig(text, name));
        for (int i = 0; i < loaders.size(); i++) {
            if (Cases.diagnostics(loaders.get(i)).isEmpty()) {
                return Kind.values()[i];
            }
        }
        return null;
    }

    private static void loadProviderConfig(String text, String name) throws InvalidManifestException {
        Path file;
        try {
            file = Files.createTempFile("provider-config", ".yaml");
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Manifests.loadValidProviderConfig(file);
        } finally {
            file.toFile().delete();
        }
    }

    private static Kind kindOf(Path file) {
        return switch (file.getParent().getFileName().toString()) {
            case "provider-config" -> Kind.PROVIDER_CONFIG;
            case "stack-input" -> Kind.STACK_INPUT;
            default -> Kind.MANIFEST;
        };
    }

    /** YAML 1.2 core schema, as yaml-language-server reads it, as JSON. */
    private static JsonNode yamlAsJson(String text) {
        Object value = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(text);
        return JSON.valueToTree(value);
    }

    private static JsonNode yamlAsJsonOrNull(String text) {
        try {
            return yamlAsJson(text);
        } catch (YamlEngineException e) {
            return null;
        }
    }

    private static String pointer(Error error) {
        return error.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return JSON.readValue(json, Map.class);
    }
}
