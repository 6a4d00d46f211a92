package dev.annals.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import static java.util.Objects.requireNonNull;

/**
 * How an entity type snapshots its state, whatever store keeps the snapshots: the state's class and shape
 * version, the policy, and the Jackson mapper that writes it (the entity's event codec's, so a
 * {@code java.time} field an event can hold, its state can hold too). {@link #in(SnapshotStore)} pairs it with
 * a store.
 *
 * <p>Reading back is stricter than the mapper alone: a property the state does not know, or one it needs and
 * the JSON lacks, makes the snapshot unusable (it is then ignored, and the stream folded from the start).
 *
 * @param stateType    the state's class
 * @param stateVersion the state's shape version, 1 or more: raise it when the state record or {@code evolve}
 *                     changes, and older snapshots are ignored
 * @param policy       when a load saves a snapshot
 * @param mapper       writes and reads the state's JSON
 * @param <S>          the state type
 */
public record SnapshotSettings<S>(Class<S> stateType, int stateVersion, SnapshotPolicy policy, ObjectMapper mapper) {

    public SnapshotSettings {
        requireNonNull(stateType, "stateType");
        requireNonNull(policy, "policy");
        requireNonNull(mapper, "mapper");
        if (stateVersion < 1) {
            throw new IllegalArgumentException("a state version is 1 or more, was " + stateVersion);
        }
    }

    /** These settings with snapshots kept in {@code store}. */
    public Snapshots<S> in(SnapshotStore store) {
        return new Snapshots<>(this, store);
    }

    /**
     * {@code state} as a snapshot's JSON.
     *
     * @throws SnapshotEncodingException naming the state's class and what Jackson could not write
     */
    public String write(S state) {
        try {
            return mapper.writeValueAsString(requireNonNull(state, "state"));
        } catch (JsonProcessingException e) {
            throw new SnapshotEncodingException(stateType, stateVersion, "does not encode as JSON", e);
        }
    }

    /**
     * The state a snapshot's JSON holds.
     *
     * @throws SnapshotEncodingException naming the state's class and what Jackson could not read
     */
    public S read(String json) {
        try {
            return strictReader().readValue(requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            throw new SnapshotEncodingException(stateType, stateVersion, "does not decode from its JSON", e);
        }
    }

    private ObjectReader strictReader() {
        return mapper.readerFor(stateType)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }
}
