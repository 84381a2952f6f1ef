package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** validate -o json and -o sarif: the documents, their order, and SARIF against the SARIF 2.1.0 schema. */
class ValidateOutputTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            apiVersion: aws.project-planton.org/v1
            kind: AwsDynamodb
            metadata:
              name: orders
            spec:
              billingMode: PAY_PER_REQUEST
              attributeDefinitions:
                - name: pk
                  type: S
              keySchema:
                - attributeName: pk
                  keyType: HASH
            """;

    @TempDir
    Path dir;

    @Test
    void jsonHasOneObjectPerFileInTheOrderGiven() throws IOException {
        Path good = Files.writeString(dir.resolve("z-good.yaml"), VALID);
        Path bad = Files.writeString(dir.resolve("a-bad.yaml"), VALID.replace("name: orders", "name: ab").replace("attributeName: pk", "attributeName: sk"));
        Path absent = dir.resolve("absent.yaml");

        CliRun run = CliRun.of("validate", "-o", "json", "-f", good.toString(), "-f", bad.toString(), "-f", absent.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.err());
        JsonNode files = JSON.readTree(run.out());
        assertEquals(3, files.size());
        assertEquals(good.toString(), files.get(0).get("path").asString());
        assertTrue(files.get(0).get("valid").asBoolean());
        assertEquals(0, files.get(0).get("diagnostics").size());

        JsonNode badFile = files.get(1);
        assertEquals(bad.toString(), badFile.get("path").asString());
        assertFalse(badFile.get("valid").asBoolean());
        JsonNode first = badFile.get("diagnostics").get(0);
        assertEquals(4, first.get("line").asInt());
        assertEquals(9, first.get("column").asInt());
        assertEquals("metadata.name", first.get("field").asString());
        assertEquals("table_name.format", first.get("ruleId").asString());
        assertEquals("error", first.get("severity").asString());
        assertTrue(first.get("message").asString().contains("3 to 255 characters"));
        assertEquals(List.of("table_name.format", "attribute_definitions.unused", "attribute_definitions.undefined"),
                StreamSupport.stream(badFile.get("diagnostics").spliterator(), false).map(d -> d.get("ruleId").asString()).toList());

        JsonNode missing = files.get(2).get("diagnostics").get(0);
        assertEquals("file.not_found", missing.get("ruleId").asString());
        assertEquals(0, missing.get("line").asInt());
    }

    @Test
    void jsonForAllValidFilesExitsZero() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        CliRun run = CliRun.of("validate", "--output", "json", "--manifest", good.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(JSON.readTree(run.out()).get(0).get("valid").asBoolean());
    }

    @Test
    void sarifIsValidAgainstTheSarif210SchemaAndLocatesEachProblem() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad file.yaml"), VALID.replace("name: orders", "name: ab")
                .replace("PAY_PER_REQUEST", "PROVISIONED"));
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        List<DiagnosticReport.FileResult> results = List.of(
                new DiagnosticReport.FileResult(bad, List.of(
                        new Diagnostic(bad.toString(), 4, 9, "metadata.name", "too short", "table_name.format"),
                        new Diagnostic(bad.toString(), 6, 16, "spec.billing_mode", "needs throughput", "provisioned_requires_throughput"),
                        new Diagnostic(bad.toString(), 2, 7, "", "just a note", "manifest.note", Diagnostic.Severity.WARNING))),
                new DiagnosticReport.FileResult(good, List.of()),
                new DiagnosticReport.FileResult(Path.of("/elsewhere/absent.yaml"), List.of(
                        new Diagnostic("/elsewhere/absent.yaml", 0, 0, "", "no such file", "file.not_found"))));

        String sarif = DiagnosticReport.sarif(results, "9.9.9", dir);

        assertEquals(List.of(), sarifSchema().validate(JSON.readTree(sarif)), sarif);
        JsonNode run = JSON.readTree(sarif).get("runs").get(0);
        assertEquals("2.1.0", JSON.readTree(sarif).get("version").asString());
        assertEquals("project-planton", run.get("tool").get("driver").get("name").asString());
        assertEquals("9.9.9", run.get("tool").get("driver").get("version").asString());
        List<String> rules = StreamSupport.stream(run.get("tool").get("driver").get("rules").spliterator(), false)
                .map(r -> r.get("id").asString()).toList();
        assertEquals(List.of("file.not_found", "manifest.note", "provisioned_requires_throughput", "table_name.format"), rules);

        JsonNode results0 = run.get("results");
        assertEquals(4, results0.size());
        JsonNode first = results0.get(0);
        assertEquals("table_name.format", first.get("ruleId").asString());
        assertEquals(rules.indexOf("table_name.format"), first.get("ruleIndex").asInt());
        assertEquals("error", first.get("level").asString());
        assertEquals("metadata.name: too short", first.get("message").get("text").asString());
        JsonNode location = first.get("locations").get(0).get("physicalLocation");
        // Relative to the checkout root, as GitHub code scanning expects, and a valid URI.
        assertEquals("bad%20file.yaml", location.get("artifactLocation").get("uri").asString());
        assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asString());
        assertEquals(4, location.get("region").get("startLine").asInt());
        assertEquals(9, location.get("region").get("startColumn").asInt());
        assertEquals("warning", results0.get(2).get("level").asString());
        assertEquals("just a note", results0.get(2).get("message").get("text").asString());

        JsonNode unpositioned = results0.get(3).get("locations").get(0).get("physicalLocation");
        assertEquals("file:///elsewhere/absent.yaml", unpositioned.get("artifactLocation").get("uri").asString());
        assertFalse(unpositioned.has("region"), "no line to point at");
        assertTrue(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString().endsWith("/"));
    }

    @Test
    void sarifFromTheCommandForAnInvalidManifest() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), VALID.replace("name: orders", "name: ab"));

        CliRun run = CliRun.of("validate", "-o", "sarif", "-m", bad.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.err());
        JsonNode log = JSON.readTree(run.out());
        assertEquals(List.of(), sarifSchema().validate(log));
        JsonNode result = log.get("runs").get(0).get("results").get(0);
        assertEquals("table_name.format", result.get("ruleId").asString());
        assertEquals(4, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
        CliRun run = CliRun.of("validate", "-o", "xml", "-m", good.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("text, json, sarif"), run.err());
    }

    @Test
    void theSarifSchemaCheckIsLive() throws IOException {
        // Without a tool and with a result that has no message, a log is not SARIF.
        List<Error> errors = sarifSchema().validate(JSON.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"loud\"}]}]}"));
        assertFalse(errors.isEmpty());
    }

    private static Schema sarifSchema() throws IOException {
        try (InputStream in = ValidateOutputTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(text);
        }
    }
}
