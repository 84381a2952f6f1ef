package org.project_planton.awsdynamodb.manifest;

import java.util.Collection;
import java.util.Optional;

/** Edit distance, for "did you mean" suggestions: of a manifest field, and of a command-line option. */
public final class Spelling {
    private Spelling() {}

    /**
     * The candidate nearest to {@code word} (case-insensitive), if it is near enough to be a
     * likely misspelling: at most 2 edits, or a third of the word's length for longer words.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(), candidate.toLowerCase());
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return nearest != null && best <= nearEnough(word) ? Optional.of(nearest) : Optional.empty();
    }

    static int nearEnough(String word) {
        return Math.max(2, word.length() / 3);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
