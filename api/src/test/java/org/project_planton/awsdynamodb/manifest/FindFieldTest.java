package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.project_planton.provider.aws.AwsProviderConfig;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** The reader's field lookup by either spelling finds what the descriptor's own lookups find. */
class FindFieldTest {
    /** The lookup as it was first written, from protobuf's own methods: the proto name, then the first equal JSON name. */
    private static FieldDescriptor byDescriptor(Descriptor type, String name) {
        FieldDescriptor byProtoName = type.findFieldByName(name);
        if (byProtoName != null) {
            return byProtoName;
        }
        return type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void findsWhatTheDescriptorFindsForEveryNameOfEveryMessageType() {
        Set<Descriptor> types = new LinkedHashSet<>();
        for (Descriptor root : List.of(AwsDynamodb.getDescriptor(), AwsDynamodbStackInput.getDescriptor(), AwsProviderConfig.getDescriptor())) {
            walk(root, types);
        }
        Set<String> names = new LinkedHashSet<>(List.of("", "x", ".", "key", "value"));
        for (Descriptor type : types) {
            names.add(type.getName());
            type.getNestedTypes().forEach(t -> names.add(t.getName()));
            type.getEnumTypes().stream().map(EnumDescriptor::getName).forEach(names::add);
            type.getOneofs().stream().map(OneofDescriptor::getName).forEach(names::add);
            for (FieldDescriptor field : type.getFields()) {
                for (String name : List.of(field.getName(), field.getJsonName())) {
                    names.addAll(List.of(name, name.toUpperCase(), name + "x", name.substring(1), name + ":1", type.getFullName() + "." + name));
                }
            }
        }
        int found = 0;
        for (Descriptor type : types) {
            for (String name : names) {
                FieldDescriptor expected = byDescriptor(type, name);
                assertSame(expected, YamlProtoReader.findField(type, name), () -> type.getFullName() + " " + Text.quote(name));
                found += expected == null ? 0 : 1;
            }
        }
        // every field by each of its names (once when the two are the same), and nothing else
        int spellings = types.stream().flatMap(t -> t.getFields().stream()).mapToInt(f -> YamlProtoReader.names(f).size()).sum();
        assertEquals(spellings, found);
    }

    private static void walk(Descriptor type, Set<Descriptor> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                walk(field.getMessageType(), seen);
            }
        }
    }
}
