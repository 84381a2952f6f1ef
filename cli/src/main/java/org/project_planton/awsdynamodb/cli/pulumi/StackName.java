package org.project_planton.awsdynamodb.cli.pulumi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A fully qualified Pulumi stack, {@code organization/project/stack}. */
record StackName(String organization, String project, String stack) {
    static final String FQDN_LABEL = "pulumi.project-planton.org/stack.fqdn";
    static final String ORGANIZATION_LABEL = "pulumi.project-planton.org/organization";
    static final String PROJECT_LABEL = "pulumi.project-planton.org/project";
    static final String STACK_NAME_LABEL = "pulumi.project-planton.org/stack.name";
    private static final String SHAPE = "organization/project/stack, three non-empty parts";

    String fqdn() {
        return organization + "/" + project + "/" + stack;
    }

    /** {@code --stack ORG/PROJECT/STACK}; anything else is a usage error. */
    static final class Flag implements ITypeConverter<StackName> {
        @Override
        public StackName convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' " + e.getMessage());
            }
        }
    }

    /**
     * The manifest's stack.fqdn label wins. Otherwise each part comes from its label
     * (organization, project, stack.name) when the manifest has it, else from {@code --stack}: so
     * {@code --set metadata.labels.pulumi.project-planton.org/stack.name=prod} with
     * {@code --stack acme/orders/dev} is {@code acme/orders/prod}.
     */
    static StackName choose(Map<String, String> labels, StackName flag) {
        if (labels.containsKey(FQDN_LABEL)) {
            try {
                return parse(labels.get(FQDN_LABEL));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("label " + FQDN_LABEL + " gives stack '" + labels.get(FQDN_LABEL) + "', which "
                        + e.getMessage());
            }
        }
        String organization = part(labels, ORGANIZATION_LABEL, flag == null ? "" : flag.organization());
        String project = part(labels, PROJECT_LABEL, flag == null ? "" : flag.project());
        String stack = part(labels, STACK_NAME_LABEL, flag == null ? "" : flag.stack());
        List<String> missing = new ArrayList<>();
        if (organization.isEmpty()) {
            missing.add("the organization (label " + ORGANIZATION_LABEL + ")");
        }
        if (project.isEmpty()) {
            missing.add("the project (label " + PROJECT_LABEL + ")");
        }
        if (stack.isEmpty()) {
            missing.add("the stack name (label " + STACK_NAME_LABEL + ")");
        }
        if (missing.size() == 3) {
            throw new IllegalArgumentException("no Pulumi stack given: pass --stack organization/project/stack, or set the manifest label "
                    + FQDN_LABEL);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the Pulumi stack is incomplete: " + String.join(" and ", missing) + " "
                    + (missing.size() == 1 ? "is" : "are") + " not given; set " + (missing.size() == 1 ? "that label" : "those labels")
                    + " (for example with --set metadata.labels.<label>=VALUE), or pass --stack organization/project/stack,"
                    + " whose parts the labels override");
        }
        String fqdn = organization + "/" + project + "/" + stack;
        try {
            return parse(fqdn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Pulumi stack '" + fqdn + "' " + e.getMessage());
        }
    }

    private static String part(Map<String, String> labels, String label, String fromFlag) {
        String value = labels.getOrDefault(label, "").strip();
        return value.isEmpty() ? fromFlag : value;
    }

    /** {@code organization/project/stack}; otherwise an exception saying, after the value, what is wrong. */
    private static StackName parse(String fqdn) {
        String[] parts = fqdn.split("/", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("is not " + SHAPE);
        }
        for (String part : parts) {
            // Pulumi's own rule for project and stack names; it also keeps them out of file paths' way.
            if (!part.matches("[A-Za-z0-9_.-]+") || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("has a part, '" + part + "', that may only hold letters, digits, '-', '_' and '.'");
            }
        }
        return new StackName(parts[0], parts[1], parts[2]);
    }
}
