package org.project_planton.awsdynamodb.cli.pulumi;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MapEntry;
import com.google.protobuf.util.JsonFormat;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.project_planton.awsdynamodb.cli.OutputFormat;
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
        print(Map.of(), outputs, format, out);
    }

    /**
     * The outputs, after {@code context} fields that say where they are (such as the endpoint of
     * {@code local up}): in JSON, the context fields come first in the same object.
     */
    public static void print(Map<String, String> context, AwsDynamodbStackOutputs outputs, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            JsonObject json = new JsonObject();
            context.forEach(json::addProperty);
            try {
                JsonParser.parseString(JsonFormat.printer().preservingProtoFieldNames().print(outputs))
                        .getAsJsonObject().entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
            return;
        }
        context.forEach((name, value) -> out.println(name + ": " + value));
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
