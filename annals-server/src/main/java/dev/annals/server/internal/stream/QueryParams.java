package dev.annals.server.internal.stream;

import dev.annals.server.internal.error.ApiException;
import dev.annals.server.internal.input.AsciiNumbers;
import dev.annals.store.Direction;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.OptionalLong;

/** Reads and checks the query parameters of the read routes; a bad value is a 400. */
final class QueryParams {

    private QueryParams() {}

    static Direction direction(Context ctx) {
        String value = ctx.queryParam("direction");
        if (value == null) {
            return Direction.FORWARD;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "forward" -> Direction.FORWARD;
            case "backward" -> Direction.BACKWARD;
            default -> throw ApiException.badParameter("direction", value, "must be 'forward' or 'backward'");
        };
    }

    /** A whole number within {@code min..max}, or empty when absent. */
    static OptionalLong number(Context ctx, String name, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long number = AsciiNumbers.parseLong(value);
            if (number >= min && number <= max) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.badParameter(name, value, "must be a whole number from " + min + " to " + max);
    }
}
