package org.project_planton.awsdynamodb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** --help, help, --version and usage errors, on every command, as a new user meets them. */
class HelpAndUsageTest {
    private static final String VERSION = "project-planton AwsDynamodb 0.1.0";

    /** Every command path: "", "validate", "local up", ... */
    private static List<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        collect(ProjectPlanton.commandLine(CliRun.BARE, new String[0]).getCommandSpec(), "", paths);
        return paths;
    }

    private static void collect(CommandSpec spec, String path, List<String> paths) {
        paths.add(path);
        spec.subcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub.getCommandSpec(), (path + " " + name).strip(), paths);
            }
        });
    }

    private static String[] args(String path, String... more) {
        List<String> all = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static CliRun withColumns(int columns, String... args) {
        return CliRun.of(new Environment(Map.of("PATH", "/nonexistent", "COLUMNS", String.valueOf(columns)), false), args);
    }

    @Test
    void versionOnEveryCommand() {
        for (String path : commandPaths()) {
            for (String flag : List.of("-V", "--version")) {
                CliRun run = CliRun.of(args(path, flag));
                assertEquals(0, run.exitCode(), path);
                assertEquals(VERSION + "\n", run.out(), path + " " + flag);
            }
        }
    }

    /**
     * At any width, no line is wider than the terminal unless it is one unbreakable token, and every
     * word of every description, option text and command summary is printed whole, on one line.
     */
    @ParameterizedTest
    @ValueSource(ints = {60, 80, 132})
    void helpFitsTheTerminalAndNeverBreaksAToken(int columns) {
        Pattern indentedToken = Pattern.compile(" *\\S+");
        for (String path : commandPaths()) {
            CliRun run = withColumns(columns, args(path, "--help"));
            assertEquals(0, run.exitCode(), path);
            for (String line : run.out().lines().toList()) {
                assertTrue(line.length() <= columns || indentedToken.matcher(line).matches(),
                        "'" + path + " --help' at " + columns + " columns: " + line);
            }
            List<String> printed = new ArrayList<>();
            run.out().lines().forEach(l -> printed.addAll(List.of(l.strip().split(" +"))));
            for (String word : declaredWords(path)) {
                assertTrue(printed.contains(word), "'" + path + " --help' at " + columns + " columns breaks or drops '" + word + "'");
            }
        }
    }

    /** The words of the help this command declares: its description, its options' and parameters' text, its subcommands' summaries. */
    private static List<String> declaredWords(String path) {
        CommandSpec spec = ProjectPlanton.commandLine(CliRun.BARE, new String[0]).getCommandSpec();
        for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        List<String> text = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            text.addAll(List.of(arg.description()));
        }
        spec.subcommands().values().forEach(sub -> text.add(sub.getCommandSpec().usageMessage().description()[0]));
        List<String> words = new ArrayList<>();
        text.forEach(t -> words.addAll(List.of(t.strip().split(" +"))));
        return words;
    }

    /** A command list shows each subcommand's first description element whole: so that must be a full sentence. */
    @Test
    void everyCommandSummaryIsOneWholeSentence() {
        for (String path : commandPaths()) {
            CommandSpec spec = ProjectPlanton.commandLine(CliRun.BARE, new String[0]).getCommandSpec();
            for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
                spec = spec.subcommands().get(name).getCommandSpec();
            }
            String summary = spec.usageMessage().description()[0];
            assertTrue(summary.endsWith(".") && !summary.substring(0, summary.length() - 1).contains(". "),
                    "'" + path + "' summary: " + summary);
        }
    }

    /** picocli's own usage messages read as ours do: one "error:", lower case, and the commands named when none is given. */
    @Test
    void missingArgumentsAreSaidPlainly() {
        CliRun bare = CliRun.of();
        assertEquals(2, bare.exitCode());
        assertTrue(bare.err().startsWith("project-planton: error: no command given; the commands are validate, plan, diff, pulumi,"),
                bare.err());

        CliRun local = CliRun.of("local");
        assertEquals(2, local.exitCode());
        assertEquals("project-planton local: error: no command given; the commands are up, down, status\n"
                + "Run 'project-planton local --help' for usage.\n", local.err());

        CliRun plan = CliRun.of("plan");
        assertEquals(2, plan.exitCode());
        assertEquals("project-planton plan: error: missing required argument (specify one of these): (-m=FILE | -i=FILE)\n"
                + "Run 'project-planton plan --help' for usage.\n", plan.err());
    }

    @Test
    void helpWalksToAnyCommand() {
        for (String path : commandPaths()) {
            CliRun help = CliRun.of(args("help", path.isEmpty() ? new String[0] : path.split(" ")));
            CliRun flag = CliRun.of(args(path, "--help"));
            assertEquals(0, help.exitCode(), path);
            assertEquals(flag.out(), help.out(), "help " + path);
        }
        CliRun unknown = CliRun.of("help", "local", "upp");
        assertEquals(2, unknown.exitCode());
        assertEquals("project-planton local: error: unknown command 'upp'; did you mean 'up'?\n"
                + "Run 'project-planton local --help' for usage.\n", unknown.err());
    }

    /** Usage errors: exit 2, what is wrong in one line, then where the help is; never "missing --manifest" for a misspelt one. */
    @Test
    void usageErrorsExitTwoWithOneLineAndTheHelpHint() {
        Map<String, String[]> cases = new HashMap<>();
        cases.put("project-planton plan: error: unknown option '--manfest'; did you mean '--manifest'?",
                new String[] {"plan", "--manfest", "x.yaml"});
        cases.put("project-planton local up: error: --port must be 0 (any free port) or 1 to 65535, not 99999",
                new String[] {"local", "up", "--manifest", "x.yaml", "--port", "99999"});
        cases.put("project-planton local up: error: --port and --data-dir are for the DynamoDB Local started here; they cannot be used with --endpoint",
                new String[] {"local", "up", "--manifest", "x.yaml", "--port", "9000", "--endpoint", "http://127.0.0.1:9000"});
        cases.put("project-planton local status: error: invalid value for option '--endpoint': --endpoint must be an http or https URL such as http://127.0.0.1:8000, not localhost:8000",
                new String[] {"local", "status", "--manifest", "x.yaml", "--endpoint", "localhost:8000"});
        cases.put("project-planton: error: unknown command 'lcoal'; did you mean 'local'?",
                new String[] {"lcoal", "up"});
        cases.put("project-planton pulumi preview: error: unexpected argument 'extra'",
                new String[] {"pulumi", "preview", "--manifest", "x.yaml", "extra"});
        cases.forEach((message, args) -> {
            CliRun run = CliRun.of(args);
            String command = message.substring(0, message.indexOf(": error:"));
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(message + "\nRun '" + command + " --help' for usage.\n", run.err());
            assertEquals("", run.out());
        });
    }
}
