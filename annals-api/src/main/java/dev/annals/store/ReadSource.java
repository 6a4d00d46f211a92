package dev.annals.store;

import static java.util.Objects.requireNonNull;

/**
 * Which events a read selects: one stream, every event, one category, or one event type.
 *
 * <p>Only {@link StreamOf} is addressed by stream version; the others are addressed by global position.
 * {@link #parse(String)} understands the CLI's and HTTP API's virtual stream names.
 */
public sealed interface ReadSource {

    /** The prefix of a category's virtual stream name: {@code $ce-account}. */
    String CATEGORY_PREFIX = "$ce-";
    /** The prefix of an event type's virtual stream name: {@code $et-Deposited}. */
    String EVENT_TYPE_PREFIX = "$et-";
    /** The virtual stream name of the global stream. */
    String ALL = "$all";

    /**
     * Parses {@code $all}, {@code $ce-CATEGORY}, {@code $et-TYPE} or a plain stream name.
     *
     * @throws InvalidStreamNameException when the name is neither a system stream nor a valid stream name
     */
    static ReadSource parse(String name) {
        requireNonNull(name, "name");
        if (name.equals(ALL)) {
            return new All();
        }
        if (name.startsWith(CATEGORY_PREFIX) && name.length() > CATEGORY_PREFIX.length()) {
            return new Category(name.substring(CATEGORY_PREFIX.length()));
        }
        if (name.startsWith(EVENT_TYPE_PREFIX) && name.length() > EVENT_TYPE_PREFIX.length()) {
            return new EventType(name.substring(EVENT_TYPE_PREFIX.length()));
        }
        return new StreamOf(StreamName.validate(name));
    }

    /** True when reads of this source are addressed by stream version rather than global position. */
    default boolean byVersion() {
        return false;
    }

    /** One stream, addressed by stream version. */
    record StreamOf(String stream) implements ReadSource {
        public StreamOf {
            requireNonNull(stream, "stream");
        }

        @Override
        public boolean byVersion() {
            return true;
        }
    }

    /** Every event in the store, in global order. */
    record All() implements ReadSource {}

    /** Every event of the streams in one category, in global order. */
    record Category(String category) implements ReadSource {
        public Category {
            requireNonNull(category, "category");
        }
    }

    /** Every event of one type, in global order. */
    record EventType(String type) implements ReadSource {
        public EventType {
            requireNonNull(type, "type");
        }
    }
}
