package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Text;
import org.project_planton.awsdynamodb.pulumi.CommonPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code project-planton} command: validate, plan and deploy an AwsDynamodb manifest. */
@Command(
        name = "project-planton",
        // Inherited by every subcommand: -h/--help and -V/--version (which prints this version
        // everywhere), and help as wide as the terminal.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "project-planton AwsDynamodb 0.1.0",
        usageHelpAutoWidth = true,
        description = "Validate, plan and deploy an AWS DynamoDB table declared in an AwsDynamodb manifest.",
        subcommands = {ValidateCommand.class, PlanCommand.class, PulumiCommand.class, org.project_planton.awsdynamodb.cli.local.LocalCommand.class, HelpCommand.class})
public final class ProjectPlanton {
    /** Exit code for invalid input or a failed operation; 0 is success and 2 a usage error ({@link UsageErrors}). */
    static final int FAILED = 1;

    final Environment environment;

    private ProjectPlanton(Environment environment) {
        this.environment = environment;
    }

    /** The process environment the commands run in (a test's own, under test). */
    public Map<String, String> environmentVariables() {
        return environment.variables();
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism(); // before plan or local start the Pulumi SDK: see CommonPool
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Environment.ofProcess()));
    }

    /** The command tree with its help layout and usage-error handling, as every run uses it. */
    static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new ProjectPlanton(environment));
        UsageHelp.install(commandLine);
        environment.columns().ifPresent(columns -> {
            commandLine.setUsageHelpAutoWidth(false);
            commandLine.setUsageHelpWidth(columns);
        });
        commandLine.setParameterExceptionHandler(new UsageErrors());
        return commandLine;
    }

    /** Runs one command line; streams and environment are parameters so tests can set and read them. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
        CommandLine commandLine = commandLine(environment);
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
        return commandLine.execute(args);
    }
}
