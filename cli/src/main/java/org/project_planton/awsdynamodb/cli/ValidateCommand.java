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
import java.util.Iterator;
import java.util.List;
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
                "Exit status: 0 all valid (warnings or not), 1 any invalid, 2 usage error.",
                "-o json prints one JSON array with an object per file; -o sarif prints SARIF 2.1.0 for code scanning (see the README)."})
final class ValidateCommand implements Callable<Integer> {
    /** How validate prints its verdicts: lines for people, or one document for machines. */
    enum Format { text, json, sarif }

    /** Bounds the results held at once, whatever the number of files. */
    private static final int IN_FLIGHT_PER_THREAD = 64;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "-f", "--manifest"}, required = true, paramLabel = "FILE|DIR", converter = NonEmptyPath.class,
            description = "A manifest, or a directory searched recursively for *.yaml and *.yml. Repeatable.")
    List<Path> manifests;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json|sarif", defaultValue = "text",
            description = "text (default): 'FILE: valid' on stdout, problems on stderr. json or sarif: one document on stdout, in file order.")
    Format format;

    @Override
    public Integer call() throws InterruptedException {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        List<Diagnostic> unreadable = new ArrayList<>();
        List<Path> files = expand(manifests, unreadable);
        // -o json|sarif: every file's result, in the order given, printed as one document at the end.
        List<DiagnosticReport.FileResult> results = new ArrayList<>();
        Predicate<Outcome> report = format == Format.text ? output::print : outcome -> {
            results.add(new DiagnosticReport.FileResult(outcome.file(), outcome.diagnostics()));
            return outcome.valid();
        };
        for (Diagnostic problem : unreadable) {
            report.test(new Outcome(Path.of(problem.file()), false, List.of(problem)));
        }
        boolean allValid = unreadable.isEmpty();
        if (files.size() == 1) {
            allValid &= report.test(check(files.get(0)));
        } else {
            // Files are checked on every core, and reported in the order given, whatever finishes first.
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(threads, ValidateCommand::daemon);
            try {
                Deque<Future<Outcome>> pending = new ArrayDeque<>();
                Iterator<Path> next = files.iterator();
                while (next.hasNext() || !pending.isEmpty()) {
                    while (next.hasNext() && pending.size() < threads * IN_FLIGHT_PER_THREAD) {
                        Path file = next.next();
                        pending.add(pool.submit(() -> check(file)));
                    }
                    Future<Outcome> head = pending.remove();
                    if (!head.isDone()) {
                        output.flush(); // what is known so far is shown while the rest is checked
                    }
                    allValid &= report.test(outcome(head));
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

    /** One file's diagnostics: errors (then it is invalid), or warnings alone. */
    private record Outcome(Path file, boolean valid, List<Diagnostic> diagnostics) {}

    private static Outcome check(Path file) {
        List<Diagnostic> warnings = new ArrayList<>();
        try {
            Manifests.loadValid(file, warnings::add);
            return new Outcome(file, true, warnings);
        } catch (InvalidManifestException e) {
            return new Outcome(file, false, e.diagnostics());
        }
    }

    private static Outcome outcome(Future<Outcome> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            // Not a problem with the manifest (that is an Outcome): ends the run, as it would in sequence.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
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
            if (outcome.valid()) {
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
