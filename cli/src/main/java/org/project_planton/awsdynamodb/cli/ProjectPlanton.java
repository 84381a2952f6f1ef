package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Text;
import org.project_planton.awsdynamodb.pulumi.CommonPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code project-planton} command: validate, plan and deploy an AwsDynamodb manifest. */
@Command(
        name = "project-planton",
        mixinStandardHelpOptions = true,
        version = "project-planton AwsDynamodb 0.1.0",
        description = "Validate, plan and deploy an AWS DynamoDB table declared in an AwsDynamodb manifest.",
        subcommands = {ValidateCommand.class, PlanCommand.class, PulumiCommand.class, org.project_planton.awsdynamodb.cli.local.LocalCommand.class, CommandLine.HelpCommand.class})
public final class ProjectPlanton {
    /** Exit code for invalid input or a failed operation; 2 (usage) and 0 come from picocli. */
    static final int FAILED = 1;

    final Environment environment;

    private ProjectPlanton(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism(); // before plan or local start the Pulumi SDK: see CommonPool
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Environment.ofProcess()));
    }

    /** Runs one command line; streams and environment are parameters so tests can set and read them. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
        CommandLine commandLine = new CommandLine(new ProjectPlanton(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A failure is one line (or one line per manifest problem) for the user, never a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidManifestException invalid) {
                invalid.diagnostics().forEach(d -> err.println(d.format()));
            } else {
                err.println(Text.printable("project-planton: error: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
            }
            err.flush();
            return FAILED;
        });
        // picocli's own handling, but the message escaped: an argument may hold a newline or an ESC sequence.
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter usageErr = e.getCommandLine().getErr();
            usageErr.println(Text.printable(e.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, usageErr)) {
                e.getCommandLine().usage(usageErr);
            }
            usageErr.flush();
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine.execute(args);
    }
}
