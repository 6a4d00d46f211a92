package dev.annals.client.internal;

import dev.annals.client.ApiErrorException;
import dev.annals.store.DuplicateEventIdException;
import dev.annals.store.EventIdConflictException;
import dev.annals.store.EventStoreException;
import dev.annals.store.EventTooLargeException;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.InvalidAppendException;
import dev.annals.store.InvalidEventException;
import dev.annals.store.InvalidStreamNameException;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.StreamDeletedException;
import dev.annals.store.WrongExpectedVersionException;
import java.util.UUID;

/**
 * Turns the API's error answers to an append back into the store contract's exceptions, by the error body's
 * code and the data in its details, so that a caller handles an append over HTTP as it would in process.
 */
public final class AppendErrors {

    private AppendErrors() {}

    /** The contract's exception for {@code error}, or {@code error} itself when no specific one fits. */
    public static EventStoreException of(ApiErrorException error, String stream, ExpectedVersion expected) {
        try {
            return specific(error, stream, expected);
        } catch (RuntimeException missingDetail) {
            // A server of another version left out a detail the specific exception needs: keep its own error.
            return error;
        }
    }

    private static EventStoreException specific(ApiErrorException error, String stream, ExpectedVersion expected) {
        var details = error.details();
        return switch (error.code()) {
            case "wrong_expected_version" ->
                new WrongExpectedVersionException(stream, expected, Long.parseLong(details.get("actualVersion")));
            case "event_id_conflict" ->
                new EventIdConflictException(stream, id(error), details.getOrDefault("reason", error.getMessage()));
            case "duplicate_event_id" -> new DuplicateEventIdException(stream, id(error));
            case "stream_deleted" -> new StreamDeletedException(details.getOrDefault("stream", stream));
            case "invalid_stream_name" ->
                new InvalidStreamNameException(
                        details.getOrDefault("stream", stream), details.getOrDefault("reason", error.getMessage()));
            case "event_too_large" ->
                new EventTooLargeException(
                        stream, id(error), Long.parseLong(details.get("size")), Long.parseLong(details.get("limit")));
            // The client writes valid JSON around the payloads, so a malformed body means a payload is not JSON.
            case "malformed_json" ->
                new InvalidAppendException(
                        "an event's payload for stream '" + stream + "' is not valid JSON; " + error.getMessage());
            case "invalid_event" ->
                new InvalidEventException(
                        details.getOrDefault("stream", stream), id(error), details.get("field"), details.get("reason"));
            case "insufficient_storage", "store_unavailable" ->
                new StoreUnavailableException(
                        StoreUnavailableException.Reason.valueOf(
                                details.get("reason").toUpperCase(java.util.Locale.ROOT)),
                        error.getMessage(),
                        error);
            case "body_too_large", "invalid_append", "invalid_body", "invalid_encoding" ->
                new InvalidAppendException(error.getMessage());
            default -> error;
        };
    }

    private static UUID id(ApiErrorException error) {
        return UUID.fromString(error.details().get("eventId"));
    }
}
