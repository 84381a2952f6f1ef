package org.project_planton.awsdynamodb.cli;

import java.util.Map;

/**
 * What the commands read from the process around them, passed in so tests can set it:
 * the environment variables (PATH finds {@code pulumi}; they are passed on to it) and
 * whether a person is at a terminal to answer a confirmation prompt.
 */
record Environment(Map<String, String> variables, boolean interactive) {
    static Environment ofProcess() {
        return new Environment(System.getenv(), System.console() != null);
    }
}
