package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.project_planton.awsdynamodb.cli.change.ReplacementRefused;
import org.project_planton.awsdynamodb.cli.local.LocalCommand;
import org.project_planton.awsdynamodb.cli.pulumi.PulumiCommand;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.manifest.Text;
import org.project_planton.awsdynamodb.pulumi.CommonPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code project-planton} command: validate, plan and deploy an AwsDynamodb manifest. */
@Command(
        name = "project-planton",
        // Inherited by every subcommand, also one added later: -h/--help and -V/--version (which
        // prints this version everywhere), and help as wide as the terminal.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "project-planton AwsDynamodb " + ProjectPlanton.VERSION,
        usageHelpAutoWidth = true,
        description = "Validate, plan and deploy an AWS DynamoDB table declared in an AwsDynamodb manifest.")
public final class ProjectPlanton {
    /**
     * The subcommands, in the order help lists them. picocli builds the model of a subcommand, and
     * of all its options and subcommands, when it is registered; so a command line that names one
     * gets only that one, and everything else (help, no subcommand, a wrong one) gets them all.
     */
    static final List<Class<?>> SUBCOMMANDS =
            List.of(ValidateCommand.class, PlanCommand.class, DiffCommand.class, PulumiCommand.class, LocalCommand.class,
                    LoadManifestCommand.class, SchemaCommand.class, CompletionCommand.class, HelpCommand.class);

    static final String VERSION = "0.1.0";
    /** Exit code for invalid input or a failed operation; 0 is success and 2 a usage error ({@link UsageErrors}). */
    static final int FAILED = 1;

    private final Environment environment;

    private ProjectPlanton(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        CommonPool.ensureParallelism(); // before plan or local start the Pulumi SDK, before any other thread: see CommonPool
        if (!asksOnlyForHelp(args)) {
            Manifests.prepareValidation(); // every command reads a manifest; CEL compiles while picocli and YAML work
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Environment.ofProcess()));
    }

    /** The process environment the commands run in (a test's own, under test). */
    public Environment environment() {
        return environment;
    }

    /**
     * The command tree for {@code args} ({@link #subcommandsFor}), with its help layout and its
     * usage-error handling: set after the subcommands are added, as picocli applies them only to
     * the subcommands present.
     */
    static CommandLine commandLine(Environment environment, String[] args) {
        CommandLine commandLine = new CommandLine(new ProjectPlanton(environment));
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
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
        CommandLine commandLine = commandLine(environment, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A failure is one line (or one line per manifest problem) for the user, never a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidManifestException invalid) {
                invalid.diagnostics().forEach(d -> err.println(d.format()));
            } else if (e instanceof ReplacementRefused refused) {
                refused.causes().forEach(c -> err.println(Text.printable("project-planton: error: " + c)));
                err.println(Text.printable("project-planton: error: " + refused.getMessage()));
            } else {
                err.println(Text.printable("project-planton: error: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
            }
            err.flush();
            return FAILED;
        });
        return commandLine.execute(args);
    }

    /** The subcommand the first argument names, or all of them (for help, or for a mistake). */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0])) {
                    // help describes the others and completion completes them, so they need them all
                    return subcommand == HelpCommand.class || subcommand == CompletionCommand.class
                            ? SUBCOMMANDS : List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    private static boolean asksOnlyForHelp(String[] args) {
        List<String> arguments = Arrays.asList(args);
        return arguments.isEmpty() || arguments.get(0).equals("help") || arguments.contains("-h") || arguments.contains("--help")
                || arguments.contains("-V") || arguments.contains("--version");
    }
}
