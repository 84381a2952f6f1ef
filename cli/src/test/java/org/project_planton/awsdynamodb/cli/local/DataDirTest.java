package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code local up --data-dir}: the table data on disk is readable by its owner only. */
class DataDirTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseAndItsDirectoryAreCreatedPrivate() {
        Path dataDir = dir.resolve("data");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (DynamoDbLocalServer server = LocalUpCommand.quietly(() -> DynamoDbLocalServer.start(0, dataDir));
                 DynamoDbClient client = LocalClients.ownServerClient(server.endpoint(), LocalClients.DEFAULT_REGION)) {
                client.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH")));
                client.putItem(b -> b.tableName("orders").item(java.util.Map.of("pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("secret customer data"))));
                assertEquals("orders", client.describeTable(b -> b.tableName("orders")).table().tableName());
            }
        });

        assertEquals("rwx------", PosixFilePermissions.toString(assertPermissions(dataDir)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), assertPermissions(dataDir.resolve(DynamoDbLocalServer.DATABASE_FILE)));
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(assertPermissions(file)), file.toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> assertPermissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
