package org.project_planton.awsdynamodb.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * A message as YAML in one canonical form: camelCase field names in field-number order, enum
 * values by their own names (PAY_PER_REQUEST, not BILLING_MODE_PAY_PER_REQUEST), numbers as
 * numbers, fields at their defaults left out, as ProjectPlanton prints a loaded manifest
 * (protojson, then YAML). A secret (a debug_redact field) is never printed: it shows as [secret].
 */
final class CanonicalYaml {
    static final String SECRET = "[secret]";

    private CanonicalYaml() {}

    static String print(Message message) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).build();
        return new Dump(settings, new QuotingYaml11Words(settings)).dumpToString(toMap(message));
    }

    /**
     * Quotes the strings that a YAML 1.1 reader (kubectl, ProjectPlanton's Go CLI) would take for
     * a boolean or null ({@code yes}, {@code off}, {@code ~}), so the printed manifest means the
     * same to every tool, not only to this loader.
     */
    private static final class QuotingYaml11Words extends StandardRepresenter {
        private static final Pattern YAML11_WORDS = Pattern.compile(
                "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL");

        QuotingYaml11Words(DumpSettings settings) {
            super(settings);
            RepresentToNode plain = representers.get(String.class);
            representers.put(String.class, data -> YAML11_WORDS.matcher((String) data).matches()
                    ? representScalar(Tag.STR, (String) data, ScalarStyle.SINGLE_QUOTED) : plain.representData(data));
        }
    }

    private static Map<String, Object> toMap(Message message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        // getAllFields: the fields that are set, in field-number order.
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            fields.put(field.getJsonName(), field.getOptions().getDebugRedact() ? SECRET : value(field, entry.getValue()));
        }
        return fields;
    }

    private static Object value(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object item : (List<?>) value) {
                Message entry = (Message) item;
                FieldDescriptor valueField = entry.getDescriptorForType().findFieldByName("value");
                map.put(String.valueOf(entry.getField(entry.getDescriptorForType().findFieldByName("key"))),
                        single(valueField, entry.getField(valueField)));
            }
            return map;
        }
        if (field.isRepeated()) {
            List<Object> list = new ArrayList<>();
            for (Object item : (List<?>) value) {
                list.add(single(field, item));
            }
            return list;
        }
        return single(field, value);
    }

    private static Object single(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> toMap((Message) value);
            case ENUM -> ((EnumValueDescriptor) value).getName();
            case BYTE_STRING -> Base64.getEncoder().encodeToString(((ByteString) value).toByteArray());
            default -> value;
        };
    }
}
