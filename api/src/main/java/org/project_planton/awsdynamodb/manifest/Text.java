package org.project_planton.awsdynamodb.manifest;

/**
 * User text inside our own messages. Whatever a file, a file name or a command line holds, a
 * message stays one line on the terminal: control characters (newlines, ESC sequences) and
 * invisible format characters are escaped, and a huge value is quoted only in part.
 */
public final class Text {
    /** How many characters of a value or key a message quotes; the rest is counted, not shown. */
    static final int QUOTE_LIMIT = 64;

    private Text() {}

    /** {@code text} with every character that could break or hide a terminal line escaped as {@code \n}, {@code \x1b} or {@code \u2028}. */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!hidden(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} in single quotes, cut to {@link #QUOTE_LIMIT} characters with the full length stated. */
    public static String quote(String text) {
        return "'" + cut(text) + "'";
    }

    /** {@code text}, cut to {@link #QUOTE_LIMIT} characters with the full length stated. */
    public static String cut(String text) {
        return cut(text, QUOTE_LIMIT);
    }

    /** {@code text}, cut to {@code limit} characters with the full length stated. */
    static String cut(String text, int limit) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit)) + "... (" + codePoints + " characters)";
    }

    private static boolean hidden(char c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            return true; // C0 and C1 controls, DEL: newline, carriage return, ESC ...
        }
        if (c < 0xa0) {
            return false;
        }
        int type = Character.getType(c);
        // U+2028 and U+2029 end a line; format characters (bidi overrides, zero-width) hide or reorder text.
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
