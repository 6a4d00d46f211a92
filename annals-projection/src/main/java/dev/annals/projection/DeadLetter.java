package dev.annals.projection;

import dev.annals.event.RecordedEvent;
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

    /**
     * A new letter (its id 0 until stored) for {@code event}, which {@code projection} failed to handle
     * {@code attempts} times from {@code firstFailure} to {@code lastFailure}, the last time with {@code error}.
     */
    public static DeadLetter parked(
            String projection,
            RecordedEvent event,
            Throwable error,
            int attempts,
            Instant firstFailure,
            Instant lastFailure) {
        return new DeadLetter(
                0,
                projection,
                event.position(),
                event.eventId(),
                event.type(),
                describe(error),
                attempts,
                firstFailure,
                lastFailure,
                DeadLetterStatus.PARKED);
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

    /** An error as a dead letter keeps it: class and message, and the cause's when wrapped; 2,000 characters at most. */
    public static String describe(Throwable error) {
        var text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }
}
