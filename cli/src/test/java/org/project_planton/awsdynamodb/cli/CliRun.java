package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one in-process run of the command line printed and returned. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProjectPlanton.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
