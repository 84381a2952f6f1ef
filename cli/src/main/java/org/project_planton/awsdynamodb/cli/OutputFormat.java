package org.project_planton.awsdynamodb.cli;

/** How a command prints its result: for people, or as one JSON document for machines. */
public enum OutputFormat {
    text,
    json
}
