package dev.annals.store;

/**
 * What an acknowledged append returns.
 *
 * @param streamVersion the stream's version after the append: the version of its last event
 *                      (0-based), to pass as {@code ExpectedVersion.exact} to the next append
 * @param position      the global position of the append's last event: the consistency token a
 *                      caller can wait for on the read side
 */
public record AppendResult(long streamVersion, long position) {}
