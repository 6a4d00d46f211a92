package dev.annals.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.RelayReport;
import dev.annals.store.EventStoreException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * The answers of the projection routes as the core's types: {@code GET /projections},
 * {@code GET /dead-letters} and {@code GET /relays} (their schemas in the server's openapi.json).
 */
public final class ProjectionJson {

    private ProjectionJson() {}

    /** One item of {@code GET /projections}. */
    public static ProjectionHealth health(JsonNode node) {
        return new ProjectionHealth(
                text(node, "projection"),
                constant(ProjectionState.class, node, "state"),
                node.path("checkpoint").asLong(),
                node.path("headPosition").asLong(),
                node.path("eventsBehind").asLong(),
                node.path("secondsBehind").asDouble(),
                node.path("deadLetters").asInt(),
                node.path("error").asText(""),
                instant(node, "measuredAt"));
    }

    /** One item of {@code GET /dead-letters}. */
    public static DeadLetter deadLetter(JsonNode node) {
        UUID eventId;
        try {
            eventId = UUID.fromString(text(node, "eventId"));
        } catch (IllegalArgumentException e) {
            throw unreadable("eventId", node.path("eventId").asText());
        }
        return new DeadLetter(
                node.path("id").asLong(),
                text(node, "projection"),
                node.path("position").asLong(),
                eventId,
                text(node, "eventType"),
                node.path("error").asText(""),
                node.path("attempts").asInt(),
                instant(node, "firstFailure"),
                instant(node, "lastFailure"),
                constant(DeadLetterStatus.class, node, "status"));
    }

    /** One item of {@code GET /relays}. */
    public static RelayReport relay(JsonNode node) {
        return new RelayReport(
                text(node, "name"),
                text(node, "role"),
                node.path("checkpoint").asLong(),
                node.path("headPosition").asLong(),
                node.path("eventsBehind").asLong(),
                node.path("secondsBehind").asDouble(),
                node.path("publishedPerSecond").asDouble(),
                node.path("published").asLong(),
                node.path("error").asText(""),
                instant(node, "measuredAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw unreadable(field, value.toString());
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable(field, value);
        }
    }

    /** The API writes enum constants in lower case: {@code stopped_on_error}, {@code retry_requested}. */
    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unreadable(field, value);
        }
    }

    private static EventStoreException unreadable(String field, String value) {
        return new EventStoreException("the Annals server answered a '" + field + "' this client cannot read: " + value
                + " (a server of another version?)");
    }
}
