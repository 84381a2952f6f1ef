package org.project_planton.awsdynamodb.manifest;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML schema the manifest reader composes with: a plain scalar is null exactly when YAML's
 * Core schema says so, and a string otherwise. The reader types scalars by the proto field they
 * land in and asks YAML only whether a value is null, so the Core schema's other answers (bool,
 * int, float), each a regular expression matched against every plain scalar, would be wasted
 * work. For composing only: it constructs no Java values. NullOrStringSchemaTest holds it to the
 * Core schema's null decision.
 */
final class NullOrStringSchema implements Schema {
    static final NullOrStringSchema INSTANCE = new NullOrStringSchema();

    private NullOrStringSchema() {}

    @Override
    public ScalarResolver getScalarResolver() {
        return NullOrStringSchema::resolve;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return Map.of();
    }

    /** Tag.NULL for the Core schema's null spellings ("", ~, null, Null, NULL, " ") written plain; Tag.STR otherwise. */
    static Tag resolve(String value, Boolean implicit) {
        if (!implicit || value.length() > 4) {
            return Tag.STR; // quoted or tagged (as in BaseScalarResolver), or longer than any null spelling
        }
        return switch (value) {
            case "", "~", "null", "Null", "NULL", " " -> Tag.NULL;
            default -> Tag.STR;
        };
    }
}
