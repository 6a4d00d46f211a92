package dev.annals.server.internal.input;

import com.fasterxml.jackson.core.JacksonException;

/**
 * What is wrong with a body that is not JSON, in the parser's words minus its internals. Jackson's messages
 * carry asides for its users, not ours: the source's location ({@code [Source: REDACTED ...]}), feature
 * names to enable ({@code `JsonReadFeature.ALLOW_...`}) and limits named by their getters
 * ({@code `StreamReadConstraints.getMaxNestingDepth()`}). Every parenthesised aside that holds one of those
 * goes; the line and column are added in the API's own words.
 */
final class JsonSyntaxMessage {

    private JsonSyntaxMessage() {}

    /** The description of {@code e} for a client, such as {@code Unexpected end-of-input (line 1, column 64)}. */
    static String of(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return withoutInternalAsides(message).strip() + location(e);
    }

    /** {@code text} without any balanced {@code (...)} or {@code [...]} that names the parser's internals. */
    static String withoutInternalAsides(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '(' || c == '[' ? closing(text, i) : -1;
            if (end > 0 && internal(text.substring(i, end + 1))) {
                // Drop the aside and the space before it.
                while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean internal(String aside) {
        return aside.contains("`") || aside.contains("Source:") || aside.contains("Feature") || aside.contains("()");
    }

    /** The index of the bracket that closes the one at {@code open}, or -1 when it is never closed. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String location(JacksonException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
