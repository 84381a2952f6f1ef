package org.project_planton.awsdynamodb.cli;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MapEntry;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackOutputs;

/** Stack outputs as {@code AwsDynamodbStackOutputs}: read from pulumi's JSON, printed for people or machines. */
public final class StackOutputsView {
    private StackOutputsView() {}

    /** Parses {@code pulumi stack output --json}; outputs that are not AwsDynamodbStackOutputs fields are ignored. */
    static AwsDynamodbStackOutputs parse(String pulumiJson) {
        AwsDynamodbStackOutputs.Builder outputs = AwsDynamodbStackOutputs.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(pulumiJson, outputs);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("pulumi stack output --json printed something that is not the expected JSON: " + e.getMessage(), e);
        }
        return outputs.build();
    }

    public static void print(AwsDynamodbStackOutputs outputs, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            try {
                out.println(JsonFormat.printer().preservingProtoFieldNames().print(outputs));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (FieldDescriptor field : AwsDynamodbStackOutputs.getDescriptor().getFields()) {
            if (field.isMapField()) {
                // replica_arns and the like: one indented line per key, sorted, as the plan prints a map
                Map<String, Object> values = new TreeMap<>();
                for (Object entry : (List<?>) outputs.getField(field)) {
                    MapEntry<?, ?> e = (MapEntry<?, ?>) entry;
                    values.put(String.valueOf(e.getKey()), e.getValue());
                }
                if (!values.isEmpty()) {
                    out.println(field.getName() + ":");
                    values.forEach((k, v) -> out.println("  " + k + ": " + v));
                }
            } else if (outputs.hasField(field)) {
                out.println(field.getName() + ": " + outputs.getField(field));
            }
        }
    }
}
