package dev.annals.subscription;

import java.time.Duration;

/**
 * A reader of the global stream, such as a projection's runner, that a caller can wait on until it has
 * processed a position: how a command's caller reads its own write
 * ({@code CommandHandler.handleAndAwait(stream, command, timeout, balances)}).
 */
public interface PositionAwaiter {

    /** The name it is known by, for the error when it lags: a projection's name. */
    String name();

    /**
     * Returns once every event of this reader's source up to {@code position} has been processed.
     *
     * @throws RuntimeException of the implementation's kind when {@code timeout} passes first, naming this
     *                          reader, the position and how far it got ({@code ProjectionLagException} for a
     *                          projection)
     */
    void awaitPosition(long position, Duration timeout);
}
