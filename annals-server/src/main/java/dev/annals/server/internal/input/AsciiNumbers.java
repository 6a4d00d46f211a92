package dev.annals.server.internal.input;

/**
 * Whole numbers as the API documents them: ASCII digits with an optional sign. {@link Long#parseLong} also
 * takes the digits of every other script ({@code ١} and {@code １} are 1), so a version, position or limit
 * written in them would be obeyed as a number the client may not have meant; the API refuses them.
 */
public final class AsciiNumbers {

    private AsciiNumbers() {}

    /**
     * {@code text} as a long.
     *
     * @throws NumberFormatException when it holds anything but ASCII digits and a leading sign, or is out
     *                               of a long's range
     */
    public static long parseLong(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean sign = i == 0 && (c == '-' || c == '+');
            if (!sign && (c < '0' || c > '9')) {
                throw new NumberFormatException("not an ASCII whole number: " + text);
            }
        }
        return Long.parseLong(text);
    }
}
