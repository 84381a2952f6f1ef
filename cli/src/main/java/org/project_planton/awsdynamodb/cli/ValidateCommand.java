package org.project_planton.awsdynamodb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.manifest.Text;
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

    @Option(names = {"-m", "--manifest"}, required = true, paramLabel = "FILE|DIR", converter = NonEmptyPath.class,
            description = "A manifest, or a directory searched recursively for *.yaml and *.yml. Repeatable.")
    List<Path> manifests;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> unreadable = new ArrayList<>();
        List<Path> files = expand(manifests, unreadable);
        unreadable.stream().map(Diagnostic::format).forEach(err::println);
        boolean allValid = unreadable.isEmpty();
        for (Path file : files) {
            try {
                Manifests.loadValid(file, warning -> err.println(warning.format()));
                out.println(Text.printable(file.toString()) + ": valid");
            } catch (InvalidManifestException e) {
                allValid = false;
                e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : ProjectPlanton.FAILED;
    }

    /**
     * Files as given; directories replaced by their YAML files, sorted, so output is stable. Every
     * {@code *.yaml} entry that is not a directory is kept, so that a broken or looping symbolic link,
     * or a FIFO, is reported by the loader rather than skipped. A subdirectory that cannot be read
     * is added to {@code unreadable}; the walk goes on.
     */
    private static List<Path> expand(List<Path> arguments, List<Diagnostic> unreadable) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (!Files.isDirectory(argument)) {
                files.add(argument);
                continue;
            }
            List<Path> yaml = new ArrayList<>();
            try {
                Files.walkFileTree(argument, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes link) {
                        // Symbolic links are not followed by the walk: one to a directory is not a manifest.
                        if (isYaml(file) && !(link.isSymbolicLink() && Files.isDirectory(file))) {
                            yaml.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable.add(new Diagnostic(file.toString(), 0, 0, "", "cannot read: "
                                + (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage()), "file.unreadable"));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(argument + ": " + e.getMessage(), e);
            }
            if (yaml.isEmpty() && unreadable.isEmpty()) {
                throw new IllegalArgumentException(argument + " holds no *.yaml or *.yml files");
            }
            yaml.sort(null);
            files.addAll(yaml);
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
