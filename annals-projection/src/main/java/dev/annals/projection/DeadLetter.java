package dev.annals.projection;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * An event a projection failed to handle after all its retries.
 *
 * @param id           the dead letter's own id, for {@code annals dlq retry|skip ID}
 * @param projection   the projection that failed
 * @param position     the event's global position
 * @param eventId      the event's id
 * @param eventType    the event's stored type name
 * @param error        the last failure, as the exception's class and message
 * @param attempts     how many deliveries failed
 * @param firstFailure when the first delivery failed
 * @param lastFailure  when the last delivery failed
 * @param status       parked, to be retried, resolved or skipped
 */
public record DeadLetter(
        long id,
        String projection,
        long position,
        UUID eventId,
        String eventType,
        String error,
        int attempts,
        Instant firstFailure,
        Instant lastFailure,
        DeadLetterStatus status) {

    public DeadLetter {
        requireNonNull(projection, "projection");
        requireNonNull(eventId, "eventId");
        requireNonNull(eventType, "eventType");
        requireNonNull(error, "error");
        requireNonNull(firstFailure, "firstFailure");
        requireNonNull(lastFailure, "lastFailure");
        requireNonNull(status, "status");
    }

    /** This letter after one more failed delivery at {@code at}. */
    public DeadLetter failedAgain(String newError, Instant at) {
        return new DeadLetter(
                id,
                projection,
                position,
                eventId,
                eventType,
                newError,
                attempts + 1,
                firstFailure,
                at,
                DeadLetterStatus.PARKED);
    }

    /** This letter with {@code newStatus}. */
    public DeadLetter withStatus(DeadLetterStatus newStatus) {
        return new DeadLetter(
                id, projection, position, eventId, eventType, error, attempts, firstFailure, lastFailure, newStatus);
    }
}
