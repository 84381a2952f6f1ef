package org.project_planton.awsdynamodb.cli;

import java.util.Map;

/** A fully qualified Pulumi stack, {@code organization/project/stack}. */
record StackName(String organization, String project, String stack) {
    static final String FQDN_LABEL = "pulumi.project-planton.org/stack.fqdn";
    static final String ORGANIZATION_LABEL = "pulumi.project-planton.org/organization";
    static final String PROJECT_LABEL = "pulumi.project-planton.org/project";
    static final String STACK_NAME_LABEL = "pulumi.project-planton.org/stack.name";

    String fqdn() {
        return organization + "/" + project + "/" + stack;
    }

    /**
     * The manifest's stack.fqdn label wins, then its organization, project and stack.name labels
     * together, then the --stack flag.
     */
    static StackName choose(Map<String, String> labels, String flag) {
        if (labels.containsKey(FQDN_LABEL)) {
            return parse(labels.get(FQDN_LABEL), "label " + FQDN_LABEL);
        }
        boolean anyPart = labels.containsKey(ORGANIZATION_LABEL) || labels.containsKey(PROJECT_LABEL) || labels.containsKey(STACK_NAME_LABEL);
        if (anyPart) {
            String fqdn = labels.getOrDefault(ORGANIZATION_LABEL, "") + "/" + labels.getOrDefault(PROJECT_LABEL, "") + "/"
                    + labels.getOrDefault(STACK_NAME_LABEL, "");
            return parse(fqdn, "labels " + ORGANIZATION_LABEL + ", " + PROJECT_LABEL + " and " + STACK_NAME_LABEL);
        }
        if (flag != null) {
            return parse(flag, "--stack");
        }
        throw new IllegalArgumentException("no Pulumi stack given: pass --stack organization/project/stack, or set the manifest label "
                + FQDN_LABEL);
    }

    private static StackName parse(String fqdn, String source) {
        String[] parts = fqdn.split("/", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException(source + " gives stack '" + fqdn + "'; expected organization/project/stack, three non-empty parts");
        }
        for (String part : parts) {
            // Pulumi's own rule for project and stack names; it also keeps them out of file paths' way.
            if (!part.matches("[A-Za-z0-9_.-]+") || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(source + " gives stack '" + fqdn + "'; '" + part
                        + "' may only hold letters, digits, '-', '_' and '.'");
            }
        }
        return new StackName(parts[0], parts[1], parts[2]);
    }
}
