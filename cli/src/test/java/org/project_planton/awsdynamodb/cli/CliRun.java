package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** What one in-process run of the command line printed and returned. */
public record CliRun(int exitCode, String out, String err) {
    /** No pulumi on PATH and no terminal, unless a test says otherwise. */
    public static final Environment BARE = new Environment(Map.of("PATH", "/nonexistent"), false);

    public static CliRun of(String... args) {
        return of(BARE, args);
    }

    public static CliRun of(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProjectPlanton.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new CliRun(code, out.toString(), err.toString());
    }
}
