package dev.annals.client.internal;

import dev.annals.client.ApiErrorException;
import dev.annals.store.EventStoreException;
import dev.annals.store.InvalidStreamNameException;
import dev.annals.store.InvalidTruncationException;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.StreamNotFoundException;

/** Turns the API's error answers to a deletion or truncation back into the store contract's exceptions. */
public final class DeletionErrors {

    private DeletionErrors() {}

    /** The contract's exception for {@code error}, or {@code error} itself when no specific one fits. */
    public static EventStoreException of(ApiErrorException error, String stream) {
        var details = error.details();
        try {
            return switch (error.code()) {
                case "stream_not_found" -> new StreamNotFoundException(stream);
                case "stream_deleted" -> new StreamDeletedException(stream);
                case "invalid_truncation" ->
                    new InvalidTruncationException(
                            stream,
                            Long.parseLong(details.get("beforeVersion")),
                            Long.parseLong(details.get("lastVersion")));
                case "invalid_stream_name" ->
                    new InvalidStreamNameException(
                            details.getOrDefault("stream", stream), details.getOrDefault("reason", error.getMessage()));
                default -> error;
            };
        } catch (RuntimeException missingDetail) {
            // A server of another version left out a detail the specific exception needs: keep its own error.
            return error;
        }
    }
}
