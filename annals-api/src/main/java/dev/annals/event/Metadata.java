package dev.annals.event;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What an event carries beside its payload: who caused it and why.
 *
 * <p>Three keys are well known: {@link #CORRELATION_ID} ties together every event caused by one
 * original request, {@link #CAUSATION_ID} names the message (command or event) that directly caused
 * this one, and {@link #USER} names the acting principal. Any other string entries may be added.
 * Metadata is immutable; the {@code with…} methods return a copy.
 *
 * @param values every entry, well-known keys included; never {@code null}, keys and values non-null
 */
public record Metadata(Map<String, String> values) {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String USER = "user";

    private static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        requireNonNull(values, "values");
        // A sorted copy keeps the stored JSON stable, so a retried append compares equal byte for byte.
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Metadata with no entries. */
    public static Metadata empty() {
        return EMPTY;
    }

    /** Metadata holding the given entries. */
    public static Metadata of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new Metadata(values);
    }

    public Optional<String> correlationId() {
        return get(CORRELATION_ID);
    }

    public Optional<String> causationId() {
        return get(CAUSATION_ID);
    }

    public Optional<String> user() {
        return get(USER);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Metadata withCorrelationId(String correlationId) {
        return with(CORRELATION_ID, correlationId);
    }

    public Metadata withCausationId(String causationId) {
        return with(CAUSATION_ID, causationId);
    }

    public Metadata withUser(String user) {
        return with(USER, user);
    }

    /** A copy with {@code key} set to {@code value}, replacing any earlier value. */
    public Metadata with(String key, String value) {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        var copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Metadata(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
