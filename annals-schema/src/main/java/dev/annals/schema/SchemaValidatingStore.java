package dev.annals.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.EventStore;
import dev.annals.store.ExpectedVersion;
import dev.annals.store.ForwardingEventStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * An event store that checks each appended payload against the registered schema of its type and
 * schema version before passing the append on: with {@link Mode#REJECT} an unfit event fails the whole
 * append ({@link SchemaViolationException}, nothing written); with {@link Mode#WARN} it is logged and
 * appended. Events of a type and version with no registered schema pass unchecked. Reads and every capability
 * of the wrapped store (deletion, head notifications) pass through.
 */
public final class SchemaValidatingStore extends ForwardingEventStore {

    /** What happens to an event that does not fit its schema. */
    public enum Mode {
        REJECT,
        WARN
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidatingStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, EventSchema> schemas = new HashMap<>();
    private final Mode mode;

    /** Validates appends to {@code delegate} against {@code registered}; closing this closes {@code delegate}. */
    public SchemaValidatingStore(EventStore delegate, List<EventSchema> registered, Mode mode) {
        super(delegate);
        this.mode = requireNonNull(mode, "mode");
        requireNonNull(registered, "registered").forEach(schema -> schemas.put(schema.label(), schema));
    }

    @Override
    public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
        requireNonNull(events, "events");
        for (var event : events) {
            var schema = schemas.get(event.type() + " v" + event.schemaVersion());
            if (schema == null) {
                continue;
            }
            List<String> problems;
            try {
                problems = PayloadValidation.problems(schema.schema(), JSON.readTree(event.payload()));
            } catch (IOException e) {
                problems = List.of("the payload is not JSON: " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                var violation = new SchemaViolationException(
                        stream, event.eventId(), event.type(), event.schemaVersion(), problems);
                if (mode == Mode.REJECT) {
                    throw violation;
                }
                LOG.warn("stream {}: appending event {} anyway: {}", stream, event.eventId(), violation.getMessage());
            }
        }
        return delegate().append(stream, expected, events);
    }
}
