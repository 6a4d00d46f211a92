package dev.annals.decider;

import dev.annals.store.StreamName;

/**
 * A command was sent to a stream outside its entity type's category, such as a book's command to
 * {@code member-7}: refused before anything is read or written, since the events would land in another
 * entity's stream.
 */
public class WrongCategoryException extends IllegalArgumentException {

    private final String stream;
    private final String category;

    /** {@code stream} is not in {@code category}, the only category the entity type handles. */
    public WrongCategoryException(String stream, String category) {
        super("stream '" + stream + "' is not in category '" + category + "': this entity type handles only streams "
                + "named '" + category + "-ID' (it was given one of category '" + StreamName.categoryOf(stream) + "')");
        this.stream = stream;
        this.category = category;
    }

    /** The stream the command was sent to. */
    public String stream() {
        return stream;
    }

    /** The category the entity type expects. */
    public String category() {
        return category;
    }
}
