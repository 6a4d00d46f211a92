package dev.annals.server.auth;

/** No token has the given id. */
public final class UnknownTokenException extends RuntimeException {

    private final String id;

    public UnknownTokenException(String id) {
        super("no token with id '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
