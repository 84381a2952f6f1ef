package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region `local` uses without --aws-provider-config: the environment's, then the profile's, as the AWS CLI finds it. */
class AmbientRegionTest {
    @TempDir
    Path home;

    private Path config() throws IOException {
        return Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("config"), """
                [default]
                region = eu-central-1
                [profile ops]
                region = ap-south-1
                """);
    }

    @Test
    void environmentFirstThenTheProfileInTheConfigFile() throws IOException {
        Path config = config();
        String homeDir = home.toString();
        assertEquals(Optional.of("eu-west-2"), AmbientRegion.of(Map.of("AWS_REGION", "eu-west-2", "AWS_DEFAULT_REGION", "us-west-1", "HOME", homeDir)));
        assertEquals(Optional.of("us-west-1"), AmbientRegion.of(Map.of("AWS_DEFAULT_REGION", "us-west-1", "HOME", homeDir)));
        assertEquals(Optional.of("eu-central-1"), AmbientRegion.of(Map.of("HOME", homeDir)));
        assertEquals(Optional.of("ap-south-1"), AmbientRegion.of(Map.of("HOME", homeDir, "AWS_PROFILE", "ops")));
        Path elsewhere = Files.move(config, home.resolve("aws-config"));
        assertEquals(Optional.of("ap-south-1"), AmbientRegion.of(Map.of("AWS_CONFIG_FILE", elsewhere.toString(), "AWS_PROFILE", "ops")));
    }

    @Test
    void noneWhenNothingNamesOne() throws IOException {
        assertEquals(Optional.empty(), AmbientRegion.of(Map.of("HOME", home.toString())));
        Files.writeString(Files.createDirectories(home.resolve(".aws")).resolve("config"), "[default]\noutput = json\n");
        assertEquals(Optional.empty(), AmbientRegion.of(Map.of("HOME", home.toString())));
        assertEquals(Optional.empty(), AmbientRegion.of(Map.of("HOME", home.toString(), "AWS_PROFILE", "missing")));
    }
}
