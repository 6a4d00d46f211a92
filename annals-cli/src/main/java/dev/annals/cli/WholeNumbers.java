package dev.annals.cli;

import picocli.CommandLine;

/**
 * Reads every {@code long} and {@code int} option and parameter of the command line as ASCII digits with an
 * optional sign. picocli's own converters use {@link Long#valueOf}, which also takes the digits of every
 * other script: {@code --expected-version ١} appended at version 1. Now such a value is a usage error.
 */
public final class WholeNumbers {

    private WholeNumbers() {}

    /** Registers the converters on {@code commandLine} and the subcommands it has now. */
    static void registerOn(CommandLine commandLine) {
        commandLine.registerConverter(Long.class, WholeNumbers::parseLong);
        commandLine.registerConverter(long.class, WholeNumbers::parseLong);
        commandLine.registerConverter(Integer.class, WholeNumbers::parseInt);
        commandLine.registerConverter(int.class, WholeNumbers::parseInt);
    }

    /**
     * {@code text} as a long.
     *
     * @throws CommandLine.TypeConversionException naming the value when it is not a whole number in ASCII
     *                                             digits within a long's range
     */
    public static long parseLong(String text) {
        if (!ascii(text)) {
            throw notWhole(text, "");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notWhole(text, " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }

    private static int parseInt(String text) {
        long value = parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw notWhole(text, " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean sign = i == 0 && (c == '-' || c == '+');
            if (!sign && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static CommandLine.TypeConversionException notWhole(String text, String range) {
        return new CommandLine.TypeConversionException(
                "'" + text + "' is not a whole number" + range + " (digits 0-9, optionally after a minus sign)");
    }
}
