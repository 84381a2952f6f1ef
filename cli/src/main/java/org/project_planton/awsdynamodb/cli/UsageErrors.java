package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.project_planton.awsdynamodb.manifest.Spelling;
import org.project_planton.awsdynamodb.manifest.Text;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in two lines, exit 2: what is wrong (an unknown option named, with the option
 * that was probably meant), then where the help is. picocli checks required options before it
 * reports unknown ones, so "--manfest x.yaml" would otherwise be reported as a missing
 * "--manifest"; the misspelt option is the news, so it is reported first.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        // Escaped: an argument may hold a newline or an ESC sequence, and the error stays one line.
        err.println(Text.printable(name + ": error: " + message(e, command)));
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    private static String message(ParameterException e, CommandLine command) {
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : command.getUnmatchedArguments();
        if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-") && !command.getCommandSpec().subcommands().isEmpty()) {
            return unexpectedArgument(command.getCommandSpec(), unmatched.get(0)); // a misspelt command comes first
        }
        Optional<String> unknownOption = unmatched.stream().filter(a -> a.startsWith("-") && a.length() > 1).findFirst();
        if (unknownOption.isPresent()) {
            return unknownOption(command.getCommandSpec(), unknownOption.get());
        }
        if (e instanceof UnmatchedArgumentException && !unmatched.isEmpty()) {
            return unexpectedArgument(command.getCommandSpec(), unmatched.get(0));
        }
        if (e.getMessage().equals("Missing required subcommand")) {
            return "no command given; the commands are " + String.join(", ", command.getCommandSpec().subcommands().keySet());
        }
        return sentence(e.getMessage());
    }

    /** picocli's message as the rest of ours read: no "Error: " of its own (ours precedes it), lower case first. */
    private static String sentence(String message) {
        String text = message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** "unknown option '--manfest'; did you mean '--manifest'?" (an attached value, "--manfest=x", is left out). */
    private static String unknownOption(CommandSpec spec, String argument) {
        String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        return "unknown option '" + option + "'" + Spelling.nearest(option, names).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** An argument this command does not take, or a misspelt subcommand. */
    private static String unexpectedArgument(CommandSpec spec, String argument) {
        if (spec.subcommands().isEmpty()) {
            return "unexpected argument '" + argument + "'";
        }
        return "unknown command '" + argument + "'" + Spelling.nearest(argument, spec.subcommands().keySet())
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("; the commands are " + String.join(", ", spec.subcommands().keySet()));
    }
}
