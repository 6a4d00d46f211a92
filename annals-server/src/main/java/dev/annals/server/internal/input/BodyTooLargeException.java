package dev.annals.server.internal.input;

/** A request body went over the server's limit while it was read; answered with a 413. */
final class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
