package org.project_planton.awsdynamodb.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** Lets tests in sub-packages run the command line in process with writers of their own (CliRun keeps what it printed). */
public final class ProjectPlantonRunner {
    private ProjectPlantonRunner() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return ProjectPlanton.run(args, out, err, CliRun.BARE);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with these environment variables besides a PATH without pulumi. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(CliRun.BARE.variables());
        environment.putAll(variables);
        return ProjectPlanton.run(args, out, err, new Environment(environment, false));
    }
}
