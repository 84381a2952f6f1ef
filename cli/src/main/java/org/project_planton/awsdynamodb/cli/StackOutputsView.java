package org.project_planton.awsdynamodb.cli;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
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
            if (outputs.hasField(field)) {
                out.println(field.getName() + ": " + outputs.getField(field));
            }
        }
    }
}
