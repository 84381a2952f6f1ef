package org.project_planton.awsdynamodb.cli;

import picocli.CommandLine.Command;

@Command(mixinStandardHelpOptions = true, name = "preview", description = "Show what 'update' would change, without changing anything (pulumi preview).")
final class PulumiPreviewCommand extends PulumiOperation {
    PulumiPreviewCommand() {
        super("preview", false, false);
    }
}
