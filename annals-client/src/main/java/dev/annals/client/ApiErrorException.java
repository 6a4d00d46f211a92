package dev.annals.client;

import dev.annals.store.EventStoreException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The server answered a request with an error that no more specific exception of the store's contract
 * describes: authentication ({@code 401}, {@code 403}), overload ({@code 429}), a failure of the server
 * ({@code 5xx}) or a request the server does not know. Errors of an append that the contract names
 * (a wrong expected version, an invalid stream name, an event too large, a reused event id) are raised as
 * those exceptions instead.
 */
public final class ApiErrorException extends EventStoreException {

    private final int status;
    private final String code;
    private final Map<String, String> details;

    /**
     * @param status  the HTTP status
     * @param code    the error code of the API's error body, such as {@code unauthorized}; {@code http_N} when
     *                the body was not the API's
     * @param message the error's message, naming the request
     * @param details the error body's details, each value as text
     */
    public ApiErrorException(int status, String code, String message, Map<String, String> details) {
        super(requireNonNull(message, "message"));
        this.status = status;
        this.code = requireNonNull(code, "code");
        this.details = Map.copyOf(requireNonNull(details, "details"));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The details of the error body, such as {@code stream} or {@code eventId}; empty when there were none. */
    public Map<String, String> details() {
        return details;
    }
}
