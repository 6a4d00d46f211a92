package dev.annals.store.jdbc.append;

import dev.annals.store.StreamDeletionResult;
import dev.annals.store.internal.StreamMarks;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A deletion or truncation waiting for a group-commit writer: it runs there, between appends, so that the writer's
 * cached stream states stay exact and a stream is never written while it is being deleted.
 *
 * @param rule   what to do to the stream's marks (see {@link StreamMarks#delete} and {@link StreamMarks#truncate})
 * @param result where the writer leaves the report, before it acknowledges the change
 */
public record StreamChange(
        Function<StreamMarks, StreamMarks.Change> rule, AtomicReference<StreamDeletionResult> result) {

    public StreamChange {
        requireNonNull(rule, "rule");
        requireNonNull(result, "result");
    }

    /** A change applying {@code rule}, its result not yet known. */
    public static StreamChange of(Function<StreamMarks, StreamMarks.Change> rule) {
        return new StreamChange(rule, new AtomicReference<>());
    }
}
