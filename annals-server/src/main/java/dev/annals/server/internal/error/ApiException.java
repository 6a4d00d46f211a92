package dev.annals.server.internal.error;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A request the server refuses: rendered as {@code {"error": code, "message": text, "details": {...}}}
 * with {@code status}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(requireNonNull(message, "message"));
        this.status = status;
        this.code = requireNonNull(code, "code");
        this.details = Map.copyOf(requireNonNull(details, "details"));
    }

    /** A 400 for a request that is malformed or names something invalid. */
    public static ApiException invalid(String code, String message, Map<String, Object> details) {
        return new ApiException(400, code, message, details);
    }

    /** A 400 for a query parameter that is not what it must be. */
    public static ApiException badParameter(String name, String value, String rule) {
        return invalid(
                "invalid_parameter",
                "query parameter '" + name + "' " + rule + ", was '" + value + "'",
                Map.of("parameter", name, "value", value));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
