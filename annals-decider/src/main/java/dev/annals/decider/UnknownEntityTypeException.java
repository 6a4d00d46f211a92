package dev.annals.decider;

import java.util.Set;

/** No entity type is registered for the category of a stream. */
public final class UnknownEntityTypeException extends RuntimeException {

    private final String stream;
    private final String category;

    /**
     * @param stream   the stream asked for
     * @param category its category
     * @param known    the categories that are registered
     */
    public UnknownEntityTypeException(String stream, String category, Set<String> known) {
        super("no entity type is registered for stream '" + stream + "' (category '" + category + "'); known: "
                + known);
        this.stream = stream;
        this.category = category;
    }

    /** The stream asked for. */
    public String stream() {
        return stream;
    }

    /** The stream's category, which no entity type is registered for. */
    public String category() {
        return category;
    }
}
