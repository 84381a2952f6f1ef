package org.project_planton.awsdynamodb.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.project_planton.shared.CloudResourceMetadata;

/**
 * The tags the platform puts on every table, from its metadata: ProjectPlanton's {@code planton.ai/...}
 * tags, leaving out those whose metadata value is empty, plus {@code Name}. The Pulumi program sends
 * them, and the pre-flight checks count them against AWS's 50-tag limit; both ask here.
 */
public final class PlatformTags {
    public static final String KIND = "AwsDynamodb";

    private PlatformTags() {}

    public static Map<String, String> of(CloudResourceMetadata metadata) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("planton.ai/resource", "true");
        putIfNotEmpty(tags, "planton.ai/organization", metadata.getOrg());
        putIfNotEmpty(tags, "planton.ai/environment", metadata.getEnv());
        tags.put("planton.ai/resource-kind", KIND);
        putIfNotEmpty(tags, "planton.ai/resource-id", metadata.getId());
        putIfNotEmpty(tags, "Name", metadata.getName());
        return Collections.unmodifiableMap(tags);
    }

    private static void putIfNotEmpty(Map<String, String> tags, String key, String value) {
        if (!value.isEmpty()) {
            tags.put(key, value);
        }
    }
}
