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
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[([0-9]+)])?");
    /** How much of an assignment its label quotes: enough to recognise it, not a pasted megabyte. */
    private static final int LABEL_LIMIT = 200;

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
            String label = "--set " + Text.cut(assignment, LABEL_LIMIT);
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
                problems.add(new Diagnostic(label, 0, 0, fieldPath, rest.isEmpty()
                        ? "the path ends in a dot; name a field after it"
                        : "cannot read the path at " + Text.quote(rest) + "; expected a field name, such as spec.billingMode", "set.path"));
                return null;
            }
            String name = segment.group(1);
            String written = path.substring(0, path.length() - rest.length()) + name; // the path so far, as the user wrote it
            FieldDescriptor field = YamlProtoReader.findField(builder.getDescriptorForType(), name);
            if (field == null) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath,
                        YamlProtoReader.unknownFieldMessage(builder.getDescriptorForType(), name), "set.path"));
                return null;
            }
            fieldPath = fieldPath.isEmpty() ? field.getName() : fieldPath + "." + field.getName();
            rest = rest.substring(segment.end());
            if (field.isMapField()) {
                if (segment.group(2) != null || (rest.startsWith(".") && rest.length() == 1) || (!rest.isEmpty() && !rest.startsWith("."))) {
                    problems.add(new Diagnostic(label, 0, 0, fieldPath, name + " is a map, not a list; name a key after a dot: "
                            + written + ".KEY=VALUE", "set.path"));
                    return null;
                }
                if (!rest.isEmpty()) {
                    return setMapEntry(builder, field, rest.substring(1), value, reader, fieldPath);
                }
                reader.readOverride(value, builder, field, null, fieldPath);
                return fieldPath;
            }
            Integer index = null;
            if (segment.group(2) != null) {
                if (!field.isRepeated()) {
                    problems.add(new Diagnostic(label, 0, 0, fieldPath, name + " is not a list; drop the [" + Text.cut(segment.group(2)) + "]", "set.path"));
                    return null;
                }
                int count = builder.getRepeatedFieldCount(field);
                index = parseIndex(segment.group(2), count);
                if (index == null) {
                    problems.add(new Diagnostic(label, 0, 0, fieldPath, "index " + Text.cut(segment.group(2)) + " is out of range; "
                            + name + " has " + count + (count == 1 ? " element" : " elements")
                            + (count == 0 ? "" : ", [0] to [" + (count - 1) + "]") + "; set the whole list to add one", "set.path"));
                    return null;
                }
                fieldPath += "[" + index + "]";
            }
            if (rest.isEmpty()) {
                reader.readOverride(value, builder, field, index, fieldPath);
                return fieldPath;
            }
            if (field.isRepeated() && index == null) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath, name + " is a list; name an element, such as " + written + "[0]", "set.path"));
                return null;
            }
            if (!rest.startsWith(".") || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                problems.add(new Diagnostic(label, 0, 0, fieldPath, field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        ? "cannot read the path at " + Text.quote(rest) + "; expected a dot and a field name"
                        : name + " has no fields to set", "set.path"));
                return null;
            }
            rest = rest.substring(1);
            builder = index == null ? builder.getFieldBuilder(field) : builder.getRepeatedFieldBuilder(field, index);
        }
    }

    /** The list index in {@code digits} when it is below {@code count}; null when out of range, however many digits. */
    private static Integer parseIndex(String digits, int count) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 9) {
            return null; // beyond any list, and beyond an int
        }
        int index = Integer.parseInt(significant);
        return index < count ? index : null;
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
