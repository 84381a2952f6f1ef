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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
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
                "Exit status: 0 all valid (warnings or not), 1 any invalid, 2 usage error.",
                "-o json prints one JSON array with an object per file; -o sarif prints SARIF 2.1.0 for code scanning (see the README)."})
final class ValidateCommand implements Callable<Integer> {
    /** How validate prints its verdicts: lines for people, or one document for machines. */
    enum Format { text, json, sarif }

    /**
     * Files go to the pool in chunks of up to this many, checked in sequence by one thread: a
     * task and a wake-up of the reporting thread per chunk rather than per file.
     */
    private static final int MAX_CHUNK = 32;
    /** Chunks queued or running per thread: bounds the results held at once, whatever the number of files. */
    private static final int CHUNKS_IN_FLIGHT_PER_THREAD = 4;
    /** Directories a search never enters: build output, dependencies and version control. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "node_modules");

    /** What to do with a manifest of another kind found in a directory. */
    enum OtherKinds { skip, error }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", converter = NonEmptyPath.class,
            description = "Manifests, or directories searched recursively for *.yaml and *.yml files.")
    List<Path> arguments = new ArrayList<>();

    @Option(names = {"-m", "-f", "--manifest"}, paramLabel = "FILE|DIR", converter = NonEmptyPath.class,
            description = "The same as a FILE|DIR argument. Repeatable.")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--other-kinds", paramLabel = "skip|error", defaultValue = "skip",
            description = "Manifests of another kind (kind: AwsS3Bucket ...) found in a directory: skip (default) "
                    + "prints 'FILE: skipped' and checks nothing; error reports each one as invalid [manifest.kind], "
                    + "for a directory meant to hold AwsDynamodb manifests only.")
    OtherKinds otherKinds;

    /** One file to check, and whether a directory search found it (then YAML of other kinds may be skipped). */
    private record Candidate(Path file, boolean found) {}

    @Option(names = {"-o", "--output"}, paramLabel = "text|json|sarif", defaultValue = "text",
            description = "text (default): 'FILE: valid' on stdout, problems on stderr. json or sarif: one document on stdout, in file order.")
    Format format;

    @Override
    public Integer call() throws InterruptedException {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        List<Path> given = new ArrayList<>(manifests);
        given.addAll(arguments);
        if (given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no manifest given: name files or directories, as in 'validate orders.yaml' or 'validate --manifest manifests/'");
        }
        List<Diagnostic> unreadable = new ArrayList<>();
        List<Candidate> files = expand(given, unreadable);
        // -o json|sarif: every file's result, in the order given, printed as one document at the end.
        List<DiagnosticReport.FileResult> results = new ArrayList<>();
        Predicate<Outcome> report = format == Format.text ? output::print : outcome -> {
            results.add(new DiagnosticReport.FileResult(outcome.file(), outcome.diagnostics()));
            return outcome.valid();
        };
        for (Diagnostic problem : unreadable) {
            report.test(new Outcome(Path.of(problem.file()), false, List.of(problem), null));
        }
        boolean allValid = unreadable.isEmpty();
        if (files.size() == 1) {
            allValid &= report.test(check(files.get(0)));
        } else {
            // Files are checked on every core, and reported in the order given, whatever finishes first.
            int threads = Runtime.getRuntime().availableProcessors();
            // Small enough that every thread gets several chunks, so that none is left with the tail alone.
            int chunkSize = Math.max(1, Math.min(MAX_CHUNK, files.size() / (threads * CHUNKS_IN_FLIGHT_PER_THREAD * 2)));
            ExecutorService pool = Executors.newFixedThreadPool(threads, ValidateCommand::daemon);
            try {
                Deque<Future<Checked>> pending = new ArrayDeque<>();
                int next = 0;
                while (next < files.size() || !pending.isEmpty()) {
                    while (next < files.size() && pending.size() < threads * CHUNKS_IN_FLIGHT_PER_THREAD) {
                        List<Candidate> chunk = List.copyOf(files.subList(next, Math.min(next + chunkSize, files.size())));
                        next += chunk.size();
                        pending.add(pool.submit(() -> checkInSequence(chunk)));
                    }
                    Future<Checked> head = pending.remove();
                    if (!head.isDone()) {
                        output.flush(); // what is known so far is shown while the rest is checked
                    }
                    Checked checked = result(head);
                    for (Outcome outcome : checked.outcomes()) {
                        allValid &= report.test(outcome);
                    }
                    if (checked.thrown() != null) {
                        throw endOfRun(checked.thrown());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        switch (format) {
            case json -> spec.commandLine().getOut().println(DiagnosticReport.json(results));
            case sarif -> spec.commandLine().getOut().println(DiagnosticReport.sarif(results, ProjectPlanton.VERSION, Path.of("")));
            case text -> { }
        }
        output.flush();
        return allValid ? 0 : ProjectPlanton.FAILED;
    }

    /** One file's diagnostics: errors (then it is invalid), or warnings alone; or why it was skipped. */
    private record Outcome(Path file, boolean valid, List<Diagnostic> diagnostics, String skipped) {}

    private Outcome check(Candidate candidate) {
        Path file = candidate.file();
        List<Diagnostic> warnings = new ArrayList<>();
        try {
            Manifests.loadValid(file, warnings::add);
            return new Outcome(file, true, warnings, null);
        } catch (InvalidManifestException e) {
            Optional<String> skip = candidate.found() ? skipReason(e) : Optional.empty();
            return skip.map(reason -> new Outcome(file, true, List.of(), reason))
                    .orElseGet(() -> new Outcome(file, false, e.diagnostics(), null));
        }
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
     * A chunk's outcomes in file order; and what checking the file after the last of them threw,
     * if that threw: the files after it are not checked, as in sequence.
     */
    private record Checked(List<Outcome> outcomes, Throwable thrown) {}

    private Checked checkInSequence(List<Candidate> chunk) {
        List<Outcome> outcomes = new ArrayList<>(chunk.size());
        for (Candidate file : chunk) {
            try {
                outcomes.add(check(file));
            } catch (RuntimeException | Error e) {
                return new Checked(outcomes, e); // reported by the reporting thread once the files before it are
            }
        }
        return new Checked(outcomes, null);
    }

    private static Checked result(Future<Checked> chunk) throws InterruptedException {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            throw endOfRun(e.getCause());
        }
    }

    /** Not a problem with a manifest (that is an Outcome): ends the run, as it would in sequence. */
    private static RuntimeException endOfRun(Throwable thrown) {
        return thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "validate");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Diagnostics to stderr and "FILE: valid" to stdout, written in blocks rather than flushed line
     * by line: a stream is flushed only before the other one is written (so the two interleave as
     * the files' order says on a terminal), before waiting for a file, and at the end.
     */
    private static final class Output {
        private final PrintWriter out;
        private final PrintWriter err;
        private PrintWriter last;

        Output(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        void error(Diagnostic diagnostic) {
            line(err, diagnostic.format());
        }

        /** Prints one file's outcome; true when the file is valid. */
        boolean print(Outcome outcome) {
            outcome.diagnostics().forEach(this::error);
            if (outcome.skipped() != null) {
                line(out, Text.printable(outcome.file().toString()) + ": skipped, " + outcome.skipped());
            } else if (outcome.valid()) {
                line(out, Text.printable(outcome.file().toString()) + ": valid");
            }
            return outcome.valid();
        }

        private void line(PrintWriter to, String line) {
            if (last != null && last != to) {
                last.flush();
            }
            last = to;
            to.write(line); // unlike println, write does not flush an autoflush writer
            to.write(System.lineSeparator());
        }

        void flush() {
            out.flush();
            err.flush();
        }
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
