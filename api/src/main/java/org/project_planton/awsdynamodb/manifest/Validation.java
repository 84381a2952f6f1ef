package org.project_planton.awsdynamodb.manifest;

import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPath;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * Runs the proto's buf.validate rules, then the pre-flight checks, and positions every problem
 * at the YAML node it is about.
 */
final class Validation {
    /**
     * Message-level CEL rules are reported at the message; these are the fields, relative to it,
     * that each rule is really about, most specific first. The first one the file has is used.
     */
    private static final Map<String, List<String>> RULE_FOCUS = Map.ofEntries(
            Map.entry("table_name.format", List.of("name")),
            Map.entry("billing_mode_set", List.of("billing_mode")),
            Map.entry("table_key_schema_shape", List.of("key_schema")),
            Map.entry("provisioned_requires_throughput", List.of("provisioned_throughput", "billing_mode")),
            Map.entry("stream_view_requires_enabled", List.of("stream_view_type", "stream_enabled")),
            Map.entry("ttl_attribute_when_enabled", List.of("ttl.attribute_name", "ttl.enabled", "ttl")),
            Map.entry("gsi_key_schema_shape", List.of("key_schema")),
            Map.entry("lsi_key_schema_shape", List.of("key_schema")),
            Map.entry("include_requires_attributes", List.of("non_key_attributes", "type")),
            Map.entry("kms_key_requires_enabled", List.of("enabled", "kms_key_arn")),
            Map.entry("point_in_time_recovery_period.requires_enabled", List.of("point_in_time_recovery_period_in_days")),
            Map.entry("on_demand_throughput.requires_pay_per_request", List.of("on_demand_throughput")),
            Map.entry("auto_scaling.requires_provisioned", List.of("auto_scaling")),
            Map.entry("auto_scaling.min_le_max", List.of("min_capacity")),
            Map.entry("replicas.stream_new_and_old_images", List.of("stream_view_type", "stream_enabled", "replicas")),
            Map.entry("replicas.provisioned_write_auto_scaling", List.of("auto_scaling", "replicas")),
            Map.entry("import_restore_exclusive", List.of("restore_source")),
            Map.entry("import_source.csv_only_for_csv", List.of("csv")),
            Map.entry("restore_source.one_source", List.of("source_table_name", "source_table_arn")),
            Map.entry("restore_source.one_time", List.of("restore_date_time", "use_latest_restorable_time")));

    private Validation() {}

    /** Every problem with {@code message}, errors and warnings, in file order. */
    static List<Diagnostic> validate(Message message, SourceMap sourceMap) {
        return validate(message, sourceMap, "");
    }

    /**
     * As {@link #validate(Message, SourceMap)}; {@code providerRegion}, when not empty, is the Region
     * the provider config deploys to (the rules about replicas' Regions need it).
     */
    static List<Diagnostic> validate(Message message, SourceMap sourceMap, String providerRegion) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (build.buf.protovalidate.Violation violation : protovalidate(message)) {
            build.buf.validate.Violation v = violation.toProto();
            String path = focus(render(v.getField()), v.getRuleId(), sourceMap);
            diagnostics.add(sourceMap.diagnostic(path, v.getMessage(), v.getRuleId()));
        }
        // The pre-flight checks run on a manifest, and on the manifest a stack input holds (with the
        // Region of the provider config it holds).
        AwsDynamodb resource = message instanceof AwsDynamodb manifest ? manifest
                : message instanceof AwsDynamodbStackInput input && input.hasTarget() ? input.getTarget() : null;
        String prefix = message instanceof AwsDynamodbStackInput ? Manifests.STACK_INPUT_TARGET : "";
        String region = message instanceof AwsDynamodbStackInput input ? input.getProviderConfig().getRegion() : providerRegion;
        if (resource != null && resource.hasSpec()) {
            for (PreflightChecks.Finding finding : PreflightChecks.check(resource, region)) {
                diagnostics.add(sourceMap.diagnostic(prefix + finding.path(), finding.message(), finding.ruleId(), finding.severity()));
            }
        }
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return diagnostics;
    }

    private static List<build.buf.protovalidate.Violation> protovalidate(Message message) {
        try {
            return CompiledRules.validator().validate(message).getViolations();
        } catch (ValidationException e) {
            // A rule that cannot compile or run is a defect in the proto, not in the manifest.
            throw new IllegalStateException("validation rules failed to run: " + e.getMessage(), e);
        }
    }

    private static String focus(String path, String ruleId, SourceMap sourceMap) {
        for (String field : RULE_FOCUS.getOrDefault(ruleId, List.of())) {
            String candidate = path.isEmpty() ? field : path + "." + field;
            if (sourceMap.contains(candidate)) {
                return candidate;
            }
        }
        return path;
    }

    /** protovalidate's field path in its own text form: {@code spec.key_schema[1].key_type}, {@code labels["k"]}. */
    private static String render(FieldPath fieldPath) {
        StringBuilder out = new StringBuilder();
        for (FieldPathElement element : fieldPath.getElementsList()) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(element.getFieldName());
            switch (element.getSubscriptCase()) {
                case INDEX -> out.append('[').append(element.getIndex()).append(']');
                case STRING_KEY -> out.append("[\"").append(element.getStringKey()).append("\"]");
                case INT_KEY -> out.append('[').append(element.getIntKey()).append(']');
                case UINT_KEY -> out.append('[').append(element.getUintKey()).append(']');
                case BOOL_KEY -> out.append('[').append(element.getBoolKey()).append(']');
                case SUBSCRIPT_NOT_SET -> { }
            }
        }
        return out.toString();
    }
}
