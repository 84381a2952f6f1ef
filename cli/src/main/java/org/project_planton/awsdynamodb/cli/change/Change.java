package org.project_planton.awsdynamodb.cli.change;

import java.util.function.UnaryOperator;

/**
 * One difference between two definitions of a table: the manifest field it comes from, both
 * values as text ({@code (none)} for absent), what DynamoDB does about it, and why.
 */
public record Change(String path, String from, String to, Effect effect, String reason) {

    /** What applying a change does to the table. */
    public enum Effect {
        /** DynamoDB changes it in place; the items stay. */
        UPDATE("update"),
        /** The table is deleted and created again; its items are lost. */
        REPLACE("replace");

        private final String json;

        Effect(String json) {
            this.json = json;
        }

        /** The name in {@code diff -o json}. */
        public String json() {
            return json;
        }
    }

    /** This change with its field path and reason spelled by {@code spelling} (as the manifest spells fields); values as they are. */
    public Change spelled(UnaryOperator<String> spelling) {
        return new Change(spelling.apply(path), from, to, effect, spelling.apply(reason));
    }

    public boolean replacesTable() {
        return effect == Effect.REPLACE;
    }

    /** One line for people: {@code spec.key_schema: HASH pk -> HASH id replaces the table and deletes its items (why)}. */
    public String line() {
        return path + ": " + from + " -> " + to
                + (replacesTable() ? " replaces the table and deletes its items" : " is changed in place")
                + " (" + reason + ")";
    }
}
