package dev.annals.decider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.annals.serialization.EventJson;

import static java.util.Objects.requireNonNull;

/**
 * Renders a {@link FoldedState} as JSON: {@code {"stream":…,"version":…,"position":…,"state":{…}}}.
 *
 * <p>The state is written by Jackson, so records render as objects of their components; dates and instants as
 * ISO-8601 text.
 */
public final class StateJson {

    // The events' set-up (java.time as ISO text, Optional), so that any state an entity holds renders.
    private static final ObjectMapper MAPPER = EventJson.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private StateJson() {}

    /** {@code folded} as one line of JSON. */
    public static String render(FoldedState<?> folded) {
        return write(folded, false);
    }

    /** {@code folded} as indented JSON, for people to read. */
    public static String renderPretty(FoldedState<?> folded) {
        return write(folded, true);
    }

    private static String write(FoldedState<?> folded, boolean pretty) {
        requireNonNull(folded, "folded");
        var node = MAPPER.createObjectNode();
        node.put("stream", folded.stream());
        node.put("version", folded.version());
        node.put("position", folded.position());
        node.set("state", MAPPER.valueToTree(folded.state()));
        try {
            return pretty
                    ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "state of stream '" + folded.stream() + "' could not be written as JSON", e);
        }
    }
}
