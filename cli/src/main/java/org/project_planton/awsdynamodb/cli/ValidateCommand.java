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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.project_planton.awsdynamodb.manifest.Diagnostic;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.awsdynamodb.manifest.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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
                "A directory is searched for *.yaml and *.yml files, leaving out build and version-control "
                        + "directories (target, build, node_modules, and every directory whose name starts with a dot). "
                        + "There, YAML that is not a manifest (no apiVersion and kind, such as Pulumi.yaml) is skipped, "
                        + "and so are manifests of another kind unless --other-kinds=error; each skip is one line. "
                        + "A file named on the command line is always checked as an AwsDynamodb manifest.",
                "Exit status: 0 all valid (warnings or not), 1 any invalid, 2 usage error."})
final class ValidateCommand implements Callable<Integer> {
    /** Directories a search never enters: build output, dependencies and version control. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "node_modules");

    /** What to do with a manifest of another kind found in a directory. */
    enum OtherKinds { skip, error }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", converter = NonEmptyPath.class,
            description = "Manifests, or directories searched recursively for *.yaml and *.yml files.")
    List<Path> arguments = new ArrayList<>();

    @Option(names = {"-m", "--manifest"}, paramLabel = "FILE|DIR", converter = NonEmptyPath.class,
            description = "The same as a FILE|DIR argument. Repeatable.")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--other-kinds", paramLabel = "skip|error", defaultValue = "skip",
            description = "Manifests of another kind (kind: AwsS3Bucket ...) found in a directory: skip (default) "
                    + "prints 'FILE: skipped' and checks nothing; error reports each one as invalid [manifest.kind], "
                    + "for a directory meant to hold AwsDynamodb manifests only.")
    OtherKinds otherKinds;

    /** One file to check, and whether a directory search found it (then YAML of other kinds may be skipped). */
    private record Candidate(Path file, boolean found) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> given = new ArrayList<>(manifests);
        given.addAll(arguments);
        if (given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no manifest given: name files or directories, as in 'validate orders.yaml' or 'validate --manifest manifests/'");
        }
        List<Diagnostic> unreadable = new ArrayList<>();
        List<Candidate> candidates = expand(given, unreadable);
        unreadable.stream().map(Diagnostic::format).forEach(err::println);
        boolean allValid = unreadable.isEmpty();
        for (Candidate candidate : candidates) {
            String name = Text.printable(candidate.file().toString());
            try {
                Manifests.loadValid(candidate.file(), warning -> err.println(warning.format()));
                out.println(name + ": valid");
            } catch (InvalidManifestException e) {
                Optional<String> skip = candidate.found() ? skipReason(e) : Optional.empty();
                if (skip.isPresent()) {
                    out.println(name + ": skipped, " + skip.get());
                    continue;
                }
                allValid = false;
                e.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : ProjectPlanton.FAILED;
    }

    /** Why a file found in a directory is not checked, if it is not. */
    private Optional<String> skipReason(InvalidManifestException e) {
        return e.otherKind().flatMap(kind -> {
            if (kind.isEmpty()) {
                return Optional.of("not a manifest (it has neither apiVersion nor kind)");
            }
            return otherKinds == OtherKinds.skip
                    ? Optional.of("kind " + Text.printable(Text.cut(kind)) + ", not " + Manifests.KIND + " (--other-kinds=error reports it)")
                    : Optional.empty();
        });
    }

    /**
     * Files as given; directories replaced by their YAML files, sorted, so output is stable. In a
     * directory, every {@code *.yaml} entry that is not a directory is kept, so that a broken or
     * looping symbolic link, or a FIFO, is reported by the loader rather than skipped. A subdirectory
     * that cannot be read is added to {@code unreadable}; the walk goes on.
     */
    private List<Candidate> expand(List<Path> given, List<Diagnostic> unreadable) {
        List<Candidate> files = new ArrayList<>();
        for (Path argument : given) {
            if (!Files.isDirectory(argument)) {
                files.add(new Candidate(argument, false));
                continue;
            }
            int unreadableBefore = unreadable.size();
            List<Path> yaml = yamlFiles(argument, unreadable);
            if (yaml.isEmpty() && unreadable.size() == unreadableBefore) {
                throw new ParameterException(spec.commandLine(), argument + " holds no *.yaml or *.yml files"
                        + " (outside target, build, node_modules and directories whose name starts with a dot)");
            }
            yaml.forEach(f -> files.add(new Candidate(f, true)));
        }
        return files;
    }

    private static List<Path> yamlFiles(Path directory, List<Diagnostic> unreadable) {
        List<Path> yaml = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(directory) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

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
            throw new UncheckedIOException(directory + ": " + e.getMessage(), e);
        }
        yaml.sort(null);
        return yaml;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
