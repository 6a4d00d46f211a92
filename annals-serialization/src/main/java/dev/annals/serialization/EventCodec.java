package dev.annals.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.erasure.internal.PersonalFields;
import dev.annals.event.EventData;
import dev.annals.event.EventIds;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.serialization.internal.UpcastChain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns typed events into {@link EventData} and {@link RecordedEvent}s back into typed events, with
 * Jackson, by the names and versions of an {@link EventTypeRegistry}.
 *
 * <p>Encoding writes the record's JSON at its type's current schema version. Decoding upcasts the
 * stored JSON to the current version first; one stored event may therefore decode into several
 * (a split). Reading is strict where silence would hide a bug: a property the record needs but the
 * JSON lacks, or a null for a primitive, fails; properties the record does not know are ignored, so
 * that adding a field needs no upcaster. Thread-safe.
 *
 * <p>Crypto-shredding (docs/erasure.md): when the registry declares personal data for a type, a codec made
 * with a {@link SubjectKeyStore} encrypts those properties with their subject's key before they are
 * stored, and decrypts them when reading, before upcasting; once the subject is forgotten they read as
 * {@link dev.annals.erasure.PersonalData#ERASED} (text) or null (other types). Decoding decrypts any
 * envelope it meets, so a codec whose registry declares nothing still reads encrypted events when it has
 * the key store.
 *
 * <p>The JSON is Jackson's, with the mapper of {@link EventJson#mapper()} unless one is given: {@code java.time}
 * values as ISO-8601 text, {@code Optional} components, and the strictness above. A codec made with a mapper of
 * the caller's ({@link #EventCodec(EventTypeRegistry, ObjectMapper)}) uses it as it is: start one from
 * {@link EventJson#builder()} to keep the standard modules and strictness and add to them.
 *
 * @param <E> the entity's event type
 */
public final class EventCodec<E> {

    private final EventTypeRegistry<E> registry;
    private final Optional<SubjectKeyStore> keys;
    private final ObjectMapper mapper;

    /**
     * A codec for the types, names, versions and upcasters of {@code registry}.
     *
     * @throws IllegalArgumentException when the registry declares personal data: that needs a key store
     */
    public EventCodec(EventTypeRegistry<E> registry) {
        this(registry, EventJson.mapper());
    }

    /**
     * A codec for {@code registry} that reads and writes JSON with {@code mapper}, such as one built from
     * {@link EventJson#builder()} with a module of the caller's.
     *
     * @throws IllegalArgumentException when the registry declares personal data: that needs a key store
     */
    public EventCodec(EventTypeRegistry<E> registry, ObjectMapper mapper) {
        this.registry = requireNonNull(registry, "registry");
        this.keys = Optional.empty();
        this.mapper = requireNonNull(mapper, "mapper");
        if (registry.hasPersonalData()) {
            throw new IllegalArgumentException("the registry of "
                    + registry.baseType().getName() + " declares personal data: make the codec with a SubjectKeyStore");
        }
    }

    /** A codec that encrypts the personal data {@code registry} declares with the subjects' keys in {@code keys}. */
    public EventCodec(EventTypeRegistry<E> registry, SubjectKeyStore keys) {
        this(registry, keys, EventJson.mapper());
    }

    /** As {@link #EventCodec(EventTypeRegistry, SubjectKeyStore)}, reading and writing JSON with {@code mapper}. */
    public EventCodec(EventTypeRegistry<E> registry, SubjectKeyStore keys, ObjectMapper mapper) {
        this.registry = requireNonNull(registry, "registry");
        this.keys = Optional.of(requireNonNull(keys, "keys"));
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** The registry this codec reads names and versions from. */
    public EventTypeRegistry<E> registry() {
        return registry;
    }

    /**
     * The mapper this codec reads and writes JSON with; entity types save snapshots of their state with it
     * too, so that a type an event can hold, its state can hold. Do not reconfigure it: it is shared.
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * {@code event} as data to append, with a new time-ordered id and {@code metadata}.
     *
     * @throws IllegalArgumentException when the event's class is not registered, or its personal data has no subject
     * @throws dev.annals.erasure.SubjectForgottenException when its personal data belongs to a forgotten subject
     */
    public EventData encode(E event, Metadata metadata) {
        requireNonNull(metadata, "metadata");
        var type = registry.typeOf(event);
        try {
            var personal = registry.personalData(type.name());
            byte[] payload;
            if (personal.isPresent()) {
                ObjectNode tree = mapper.valueToTree(event);
                PersonalFields.seal(tree, personal.get(), keys.orElseThrow(), type.name());
                payload = mapper.writeValueAsBytes(tree);
            } else {
                payload = mapper.writeValueAsBytes(event);
            }
            return new EventData(EventIds.next(), type.name(), type.schemaVersion(), payload, metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event of type '" + type.name() + "' could not be encoded: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The typed events {@code recorded} stands for at today's schema versions: usually one, several
     * when an upcaster splits it.
     *
     * @throws UnknownEventTypeException when its type is neither registered nor upcast into one that is
     * @throws EventDecodingException    when its JSON cannot be upcast or read as its record
     */
    public List<E> decode(RecordedEvent recorded) {
        requireNonNull(recorded, "recorded");
        E direct = readDirectly(recorded);
        if (direct != null) {
            return List.of(direct);
        }
        ObjectNode payload = parse(recorded);
        Set<String> erased = Set.of();
        if (keys.isPresent()) {
            try {
                erased = PersonalFields.open(payload, keys.get());
            } catch (IllegalStateException e) {
                throw failed(e.getMessage(), recorded, e);
            }
        }
        List<UpcastChain.Typed<E>> upcast;
        try {
            upcast = UpcastChain.upcast(
                    registry, new SerializedEvent(recorded.type(), recorded.schemaVersion(), payload));
        } catch (UpcastChain.UpcastFailure failure) {
            if (failure.unknownType()) {
                throw new UnknownEventTypeException(
                        failure.event().type(),
                        failure.event().schemaVersion(),
                        recorded.stream(),
                        recorded.streamVersion(),
                        recorded.position());
            }
            throw failed(failure.getMessage(), recorded, failure);
        } catch (RuntimeException e) {
            throw failed("an upcaster failed (" + e + ")", recorded, e);
        }
        var events = new ArrayList<E>(upcast.size());
        for (var typed : upcast) {
            try {
                PersonalFields.markErased(typed.event().payload(), typed.type().javaType(), erased);
                events.add(
                        mapper.treeToValue(typed.event().payload(), typed.type().javaType()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw failed(
                        "payload does not fit " + typed.type().javaType().getSimpleName() + " (" + message(e) + ")",
                        recorded,
                        e);
            }
        }
        return events;
    }

    /**
     * The event read straight from its bytes into its record, in one pass, when nothing needs the tree: no
     * key store, a registered type at its current version (no upcaster), a JSON object. Null otherwise, and
     * when reading fails: the tree's way then reads it again and names what is wrong. A rebuild decodes
     * every event, and the tree costs it about as much again as the record.
     */
    private E readDirectly(RecordedEvent recorded) {
        if (keys.isPresent() || !startsWithObject(recorded.payload())) {
            return null;
        }
        var type = registry.byName(recorded.type());
        if (type.isEmpty() || type.get().schemaVersion() != recorded.schemaVersion()) {
            return null;
        }
        try {
            return mapper.readValue(recorded.payload(), type.get().javaType());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean startsWithObject(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private ObjectNode parse(RecordedEvent recorded) {
        JsonNode tree;
        try {
            tree = mapper.readTree(recorded.payload());
        } catch (IOException e) {
            throw failed("payload is not JSON (" + message(e) + ")", recorded, e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw failed("payload is not a JSON object", recorded, null);
        }
        return object;
    }

    private static String message(Exception e) {
        return JsonProblems.describe(e);
    }

    private static EventDecodingException failed(String problem, RecordedEvent recorded, Throwable cause) {
        return new EventDecodingException(
                problem,
                recorded.type(),
                recorded.schemaVersion(),
                recorded.stream(),
                recorded.streamVersion(),
                recorded.position(),
                cause);
    }
}
