package org.project_planton.awsdynamodb.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The region this machine's AWS setup names, as the AWS CLI finds it: {@code AWS_REGION}, then
 * {@code AWS_DEFAULT_REGION}, then the {@code region} of the profile {@code AWS_PROFILE} (else
 * {@code default}) in the AWS config file ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}).
 * The instance metadata service is not asked: a local command must not wait on the network.
 */
final class AmbientRegion {
    private AmbientRegion() {}

    static Optional<String> of(Map<String, String> environment) {
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String region = environment.getOrDefault(variable, "").strip();
            if (!region.isEmpty()) {
                return Optional.of(region);
            }
        }
        Path config = Optional.ofNullable(environment.get("AWS_CONFIG_FILE")).filter(f -> !f.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(environment.getOrDefault("HOME", "/nonexistent"), ".aws", "config"));
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        String profile = environment.getOrDefault("AWS_PROFILE", "").isBlank() ? "default" : environment.get("AWS_PROFILE").strip();
        try {
            return ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build()
                    .profile(profile).flatMap(p -> p.property(ProfileProperty.REGION)).map(String::strip).filter(r -> !r.isEmpty());
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // a config file the SDK cannot parse names no region
        }
    }
}
