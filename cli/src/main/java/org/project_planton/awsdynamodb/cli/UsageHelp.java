package org.project_planton.awsdynamodb.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Usage help laid out for a person at a terminal of any width: every description element is one
 * paragraph, wrapped to the usage width at spaces only. picocli's own layout breaks lines wherever
 * Java's line {@code BreakIterator} allows, which splits URLs, paths and dotted names
 * ("https://www.|pulumi.com", "spec.|billingMode"), and cuts a word longer than its column. Here a
 * token never breaks; one longer than the line runs past the edge instead.
 *
 * <p>The commands keep declaring their help with picocli's annotations; only the layout is ours.
 */
final class UsageHelp extends Help {
    /** The widest the option-name column gets; a longer name puts its description on the next line. */
    private static final int NAME_COLUMN_MAX = 30;
    private static final int GAP = 2;

    UsageHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    /** Use this layout for {@code commandLine} and every subcommand it has now. */
    static void install(CommandLine commandLine) {
        commandLine.setHelpFactory(UsageHelp::new);
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    /** "project-planton plan [-hV] ...": picocli builds the parts; they are wrapped here, between parts only. */
    @Override
    protected String insertSynopsisCommandName(int synopsisHeadingLength, Text details) {
        String name = commandSpec().qualifiedName();
        int indent = synopsisHeadingLength + name.length() + 1;
        if (indent > width() / 2) {
            indent = synopsisHeadingLength + 4;
        }
        String text = " ".repeat(synopsisHeadingLength) + name + details.plainString();
        return wrap(text, width(), synopsisHeadingLength, indent).substring(synopsisHeadingLength);
    }

    @Override
    public String description(Object... params) {
        return paragraphs(commandSpec().usageMessage().description());
    }

    @Override
    public String header(Object... params) {
        return paragraphs(commandSpec().usageMessage().header());
    }

    @Override
    public String footer(Object... params) {
        return paragraphs(commandSpec().usageMessage().footer());
    }

    /** Each subcommand with its one-sentence summary: its header, else the first description element. */
    @Override
    public String commandList(Map<String, Help> subcommands) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Help> entry : subcommands.entrySet()) {
            UsageMessageSpec usage = entry.getValue().commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            CommandSpec command = entry.getValue().commandSpec();
            String aliases = command.aliases().length == 0 ? "" : " (" + String.join(", ", command.aliases()) + ")";
            rows.add(new String[] {"  " + command.name() + aliases, summary.length > 0 ? summary[0] : ""});
        }
        return table(rows);
    }

    @Override
    public String optionList() {
        List<OptionSpec> options = new ArrayList<>(commandSpec().options().stream().filter(o -> !o.hidden()).toList());
        if (commandSpec().usageMessage().sortOptions()) {
            options.sort(createShortOptionNameComparator());
        }
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec option : options) {
            rows.add(new String[] {optionNames(option), String.join(" ", option.description())});
        }
        return table(rows);
    }

    @Override
    public String parameterList() {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec parameter : commandSpec().positionalParameters()) {
            if (!parameter.hidden()) {
                rows.add(new String[] {"      " + label(parameter), String.join(" ", parameter.description())});
            }
        }
        return table(rows);
    }

    /** "  -m, --manifest=FILE" or "      --set=PATH=VALUE", as picocli writes option names. */
    private static String optionNames(OptionSpec option) {
        String[] names = option.names().clone();
        Arrays.sort(names, (a, b) -> Integer.compare(a.length(), b.length()));
        String shortName = names[0].length() == 2 ? names[0] : null;
        String longName = names[names.length - 1].length() > 2 ? names[names.length - 1] : null;
        String value = option.arity().max() > 0 && !option.typeInfo().isBoolean() ? "=" + option.paramLabel() : "";
        if (shortName == null) {
            return "      " + longName + value;
        }
        return "  " + shortName + (longName == null ? value : ", " + longName + value);
    }

    private static String label(ArgSpec parameter) {
        String label = parameter.paramLabel() + (parameter.isMultiValue() ? "..." : "");
        return parameter.arity().min() == 0 ? "[" + label + "]" : label;
    }

    /** Two columns: names (at most {@link #NAME_COLUMN_MAX} wide) and text wrapped beside them. */
    private String table(List<String[]> rows) {
        int nameWidth = rows.stream().mapToInt(r -> r[0].length()).filter(w -> w <= NAME_COLUMN_MAX).max().orElse(NAME_COLUMN_MAX);
        int column = nameWidth + GAP;
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            String text = row[1].strip();
            if (row[0].length() > nameWidth) {
                out.append(row[0]).append(System.lineSeparator());
                if (!text.isEmpty()) {
                    out.append(wrap(" ".repeat(column) + text, width(), column, column + GAP));
                }
            } else {
                String first = row[0] + " ".repeat(column - row[0].length());
                out.append(wrap(first + text, width(), column, column + GAP));
            }
        }
        return out.toString();
    }

    /** Each element one paragraph; an element's own leading spaces indent all its lines. */
    private String paragraphs(String[] elements) {
        StringBuilder out = new StringBuilder();
        for (String element : elements) {
            int indent = element.length() - element.stripLeading().length();
            out.append(wrap(element, width(), indent, indent));
        }
        return out.toString();
    }

    /**
     * Wraps {@code text} to {@code width} columns at spaces only: the first {@code firstStart}
     * characters are kept as they are (a prefix such as a name column), continuation lines are
     * indented by {@code indent}. A word never breaks, even one longer than the line.
     */
    static String wrap(String text, int width, int firstStart, int indent) {
        StringBuilder out = new StringBuilder(text.substring(0, Math.min(firstStart, text.length())));
        int lineLength = out.length();
        boolean lineHasWord = false;
        for (String word : text.substring(Math.min(firstStart, text.length())).trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineHasWord && lineLength + 1 + word.length() > width) {
                out.append(System.lineSeparator()).append(" ".repeat(indent));
                lineLength = indent;
                lineHasWord = false;
            }
            if (lineHasWord) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
            lineHasWord = true;
        }
        return out.append(System.lineSeparator()).toString();
    }
}
