package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;

/** Lets tests in sub-packages run the command line in process, as CliRun does for this package. */
public final class ProjectPlantonRunner {
    private ProjectPlantonRunner() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return ProjectPlanton.run(args, out, err, CliRun.BARE);
    }
}
