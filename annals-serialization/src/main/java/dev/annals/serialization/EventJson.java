package dev.annals.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The Jackson set-up events and states are stored with, unless a codec is given another.
 *
 * <p>It registers the standard modules a Java domain needs: {@code java.time} (dates and instants as ISO-8601
 * text, such as {@code "2026-03-01"}, never as numbers, which is also what the schema gate expects of a
 * temporal field), {@code Optional} and friends, and constructor parameter names (for classes compiled with
 * {@code -parameters}; records need nothing). Reading is strict where silence would hide a bug: a property the
 * record needs but the JSON lacks, or a null for a primitive, fails; properties the record does not know are
 * ignored, so that adding a field needs no upcaster.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = builder().build();

    private EventJson() {}

    /**
     * A builder with the standard modules and strictness, to add a module or a feature of one's own and give
     * the result to {@link EventCodec#EventCodec(EventTypeRegistry, ObjectMapper)}.
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The shared mapper built from {@link #builder()}; thread-safe, not to be reconfigured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
