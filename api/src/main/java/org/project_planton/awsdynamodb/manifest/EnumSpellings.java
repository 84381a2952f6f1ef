package org.project_planton.awsdynamodb.manifest;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.project_planton.shared.Options;

/**
 * Every spelling a manifest may use for an enum value: its name, its name prefixed by the enum's
 * (KEY_TYPE_HASH, BILLING_MODE_PAY_PER_REQUEST) and its {@code yaml_alias} options. The loader
 * reads enum values through here and the JSON Schema lists them from here, so the two agree.
 */
final class EnumSpellings {
    private static final Map<EnumDescriptor, Map<String, EnumValueDescriptor>> CACHE = new ConcurrentHashMap<>();

    private EnumSpellings() {}

    /** Spelling to value, in declaration order; a value's own name wins over another's prefixed name. */
    static Map<String, EnumValueDescriptor> of(EnumDescriptor type) {
        return CACHE.computeIfAbsent(type, EnumSpellings::build);
    }

    /** The spellings of one value: its name first, then the prefixed name and the aliases. */
    static List<String> of(EnumValueDescriptor value) {
        List<String> spellings = new ArrayList<>();
        of(value.getType()).forEach((spelling, v) -> {
            if (v == value) {
                spellings.add(spelling);
            }
        });
        return spellings;
    }

    static List<String> aliases(EnumValueDescriptor value) {
        return value.getOptions().getExtension(Options.yamlAlias);
    }

    private static Map<String, EnumValueDescriptor> build(EnumDescriptor type) {
        String prefix = upperSnake(type.getName()) + "_";
        Map<String, EnumValueDescriptor> byName = new LinkedHashMap<>();
        for (EnumValueDescriptor value : type.getValues()) {
            byName.put(value.getName(), value);
        }
        for (EnumValueDescriptor value : type.getValues()) {
            byName.putIfAbsent(prefix + value.getName(), value);
            for (String alias : aliases(value)) {
                byName.put(alias, value);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }
}
