package org.project_planton.awsdynamodb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        mixinStandardHelpOptions = true,
        name = "validate",
        description = {
                "Check AwsDynamodb manifests against the API's rules and everything AWS would reject, without deploying.",
                "Prints 'FILE: valid' for each good manifest and one line per problem for each bad one:",
                "  FILE:LINE:COL: error: field.path: message [rule-id]",
                "A warning (FILE:LINE:COL: warning: ...) points at a valid but risky choice; it does not make the manifest invalid.",
                "Exit status: 0 all valid (warnings or not), 1 any invalid, 2 usage error."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--manifest"}, required = true, paramLabel = "FILE|DIR",
            description = "A manifest, or a directory searched recursively for *.yaml and *.yml. Repeatable.")
    List<Path> manifests;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path file : expand(manifests)) {
            try {
                Manifests.loadValid(file, warning -> err.println(warning.format()));
                out.println(file + ": valid");
            } catch (InvalidManifestException e) {
                allValid = false;
                e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : ProjectPlanton.FAILED;
    }

    /** Files as given; directories replaced by their YAML files, sorted, so output is stable. */
    private static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            try (Stream<Path> walk = Files.walk(argument)) {
                List<Path> yaml = walk.filter(Files::isRegularFile).filter(ValidateCommand::isYaml).sorted().toList();
                if (yaml.isEmpty()) {
                    throw new IllegalArgumentException(argument + " holds no *.yaml or *.yml files");
                }
                files.addAll(yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(argument + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
