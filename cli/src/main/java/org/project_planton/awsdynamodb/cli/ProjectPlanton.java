package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code project-planton} command: validate, plan and deploy an AwsDynamodb manifest. */
@Command(
        name = "project-planton",
        mixinStandardHelpOptions = true,
        version = "project-planton AwsDynamodb 0.1.0",
        description = "Validate, plan and deploy an AWS DynamoDB table declared in an AwsDynamodb manifest.",
        subcommands = {ValidateCommand.class, CommandLine.HelpCommand.class})
public final class ProjectPlanton {
    /** Exit code for invalid input or a failed operation; 2 (usage) and 0 come from picocli. */
    static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the streams are parameters so tests can read what a user would see. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ProjectPlanton());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A failure is one line for the user, never a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("project-planton: error: " + e.getMessage());
            return FAILED;
        });
        return commandLine.execute(args);
    }
}
