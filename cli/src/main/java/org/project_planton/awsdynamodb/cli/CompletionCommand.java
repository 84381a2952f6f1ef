package org.project_planton.awsdynamodb.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "completion",
        description = {
                "Print a shell completion script for project-planton: its commands, options and enum values.",
                "bash: source <(project-planton completion bash)   (or save it under /etc/bash_completion.d/)",
                "zsh:  source <(project-planton completion zsh)    (in ~/.zshrc; it loads zsh's bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "bash|zsh", description = "The shell.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli writes one script for both: under zsh it turns on bashcompinit and registers itself
        // through it, so the zsh script is the same text.
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
