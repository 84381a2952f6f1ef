package org.project_planton.awsdynamodb.manifest;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set path=value} on a loaded manifest. The path is dotted field names, camelCase or
 * snake_case, with {@code [i]} for a list element; after a map field the rest of the path is the
 * key ({@code metadata.labels.pulumi.project-planton.org/stack.name}). The value is YAML typed by
 * the field it lands in, exactly as in a manifest: a string, bool, integer, enum in either
 * spelling, or a whole nested message in flow style ({@code {readCapacityUnits: 5, ...}}).
 */
final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");

    private Overrides() {}

    /** Applies every assignment in order; returns the problems, each naming its {@code --set}. */
    static List<Diagnostic> apply(Message.Builder root, List<String> assignments, SourceMap sourceMap) {
        return apply(root, "", assignments, sourceMap);
    }

    /**
     * As {@link #apply(Message.Builder, List, SourceMap)} on a manifest that sits at {@code prefix}
     * ({@code target.}) of the message the source map is for: a stack input.
     */
    static List<Diagnostic> apply(Message.Builder root, String prefix, List<String> assignments, SourceMap sourceMap) {
        List<Diagnostic> problems = new ArrayList<>();
        for (String assignment : assignments) {
            String label = "--set " + assignment;
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                problems.add(new Diagnostic(label, 0, 0, "", "expected path=value, such as spec.billingMode=PROVISIONED", "set.syntax"));
                continue;
            }
            YamlProtoReader reader = new YamlProtoReader(label, false);
            String path = apply(root, assignment.substring(0, equals), assignment.substring(equals + 1), reader, label, problems);
            problems.addAll(reader.errors());
            if (path != null) {
                sourceMap.override(prefix + path, label);
            }
        }
        return problems;
    }

    /** Applies one assignment; returns the field path it set, or null after reporting why it could not. */
    private static String apply(Message.Builder root, String path, String value, YamlProtoReader reader,
                                String label, List<Diagnostic> problems) {
        Message.Builder builder = root;
        String fieldPath = "";
        String rest = path;
        while (true) {
            Matcher segment = SEGMENT.matcher(rest);
            if (!segment.lookingAt()) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath, "cannot read the path at '" + rest + "'", "set.path"));
                return null;
            }
            FieldDescriptor field = YamlProtoReader.findField(builder.getDescriptorForType(), segment.group(1));
            if (field == null) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath,
                        YamlProtoReader.unknownFieldMessage(builder.getDescriptorForType(), segment.group(1)), "set.path"));
                return null;
            }
            fieldPath = fieldPath.isEmpty() ? field.getName() : fieldPath + "." + field.getName();
            Integer index = segment.group(2) == null ? null : Integer.valueOf(segment.group(2));
            rest = rest.substring(segment.end());
            if (index != null) {
                if (!field.isRepeated() || field.isMapField() || index >= builder.getRepeatedFieldCount(field)) {
                    problems.add(new Diagnostic(label, 0, 0, fieldPath, field.isRepeated() && !field.isMapField()
                            ? "index " + index + " is out of range; the list has " + builder.getRepeatedFieldCount(field) + " elements"
                            : field.getName() + " is not a list", "set.path"));
                    return null;
                }
                fieldPath += "[" + index + "]";
            }
            if (field.isMapField() && rest.startsWith(".") && rest.length() > 1) {
                return setMapEntry(builder, field, rest.substring(1), value, reader, fieldPath);
            }
            if (rest.isEmpty()) {
                reader.readOverride(value, builder, field, index, fieldPath);
                return fieldPath;
            }
            if (!rest.startsWith(".") || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || (field.isRepeated() && index == null)) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath, field.isRepeated() && index == null
                        ? field.getName() + " is a list; name an element, such as " + field.getName() + "[0]"
                        : field.getName() + " has no fields to set", "set.path"));
                return null;
            }
            rest = rest.substring(1);
            builder = index == null ? builder.getFieldBuilder(field) : builder.getRepeatedFieldBuilder(field, index);
        }
    }

    /** Sets one key of a map field, keeping the others. */
    private static String setMapEntry(Message.Builder builder, FieldDescriptor field, String key, String value,
                                      YamlProtoReader reader, String fieldPath) {
        String entryPath = fieldPath + "[\"" + key + "\"]";
        FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        Message.Builder entry = builder.newBuilderForField(field).setField(keyField, key);
        reader.readOverride(value, entry, valueField, null, entryPath);
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < builder.getRepeatedFieldCount(field); i++) {
            Message existing = (Message) builder.getRepeatedField(field, i);
            if (!key.equals(existing.getField(keyField))) {
                kept.add(existing);
            }
        }
        builder.clearField(field);
        kept.forEach(existing -> builder.addRepeatedField(field, existing));
        builder.addRepeatedField(field, entry.build());
        return entryPath;
    }
}
