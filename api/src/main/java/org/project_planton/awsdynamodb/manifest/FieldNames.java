package org.project_planton.awsdynamodb.manifest;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.project_planton.provider.aws.AwsProviderConfig;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * The API's field names in the manifest's camelCase spelling: {@code billing_mode} is written
 * {@code billingMode}. Rules and paths name fields in snake_case, as the proto does; a diagnostic
 * for a camelCase file is shown with its names respelled here.
 */
final class FieldNames {
    /** A snake_case word of two or more parts, or something in quotes (a value, never respelled). */
    private static final Pattern WORD_OR_QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

    private FieldNames() {}

    /** {@code text} with every API field name of more than one word in camelCase; quoted text is left as it is. */
    static String camelCase(String text) {
        Matcher m = WORD_OR_QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String camel = Lazy.CAMEL.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(camel == null ? m.group() : camel));
        }
        return m.appendTail(out).toString();
    }

    private static final class Lazy {
        static final Map<String, String> CAMEL = collect();

        private static Map<String, String> collect() {
            Map<String, String> names = new HashMap<>();
            Set<Descriptor> seen = new HashSet<>();
            walk(AwsDynamodbStackInput.getDescriptor(), names, seen);
            walk(AwsProviderConfig.getDescriptor(), names, seen);
            return Map.copyOf(names);
        }

        private static void walk(Descriptor type, Map<String, String> names, Set<Descriptor> seen) {
            if (!seen.add(type)) {
                return;
            }
            for (FieldDescriptor field : type.getFields()) {
                if (!field.getName().equals(field.getJsonName())) {
                    names.put(field.getName(), field.getJsonName());
                }
                if (field.getType() == FieldDescriptor.Type.MESSAGE) {
                    walk(field.getMessageType(), names, seen);
                }
            }
        }
    }
}
