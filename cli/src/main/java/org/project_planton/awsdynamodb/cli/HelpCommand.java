package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code project-planton help [COMMAND...]}: the help of any command, however deep
 * ({@code help local up}); picocli's own help command takes one word only.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = {
                "Show the help of a command: 'help local up' is 'local up --help'.",
                "Without a command, the help of project-planton itself."})
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommands: local up.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        self = helpCommandLine;
        colors = colorScheme;
        out = outWriter;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (int i = 0; i < path.size(); i++) {
            CommandLine next = target.getSubcommands().get(path.get(i));
            if (next == null) {
                throw new UnmatchedArgumentException(target, path.subList(i, path.size()));
            }
            target = next;
        }
        target.usage(out, colors);
        return 0;
    }
}
