package dev.annals.decider;

import java.util.Set;

/** No entity type is registered for the category of a stream. */
public final class UnknownEntityTypeException extends RuntimeException {

    private final String stream;
    private final String category;

    public UnknownEntityTypeException(String stream, String category, Set<String> known) {
        super("no entity type is registered for stream '" + stream + "' (category '" + category + "'); known: "
                + known);
        this.stream = stream;
        this.category = category;
    }

    public String stream() {
        return stream;
    }

    public String category() {
        return category;
    }
}
