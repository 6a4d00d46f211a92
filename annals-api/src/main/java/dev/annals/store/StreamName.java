package dev.annals.store;

/**
 * The rules for stream names, and the category derived from a name.
 *
 * <p>A stream name is non-empty, at most {@value #MAX_LENGTH} characters long, has no control
 * characters and is valid UTF-16 (no unpaired surrogate). Names starting with {@code $} are reserved for the store's own virtual streams
 * ({@code $all}, {@code $ce-…}, {@code $et-…}) and cannot be appended to. The category of a stream
 * is the part of its name before the first {@code -}: {@code account-42} is in {@code account}; a
 * name without {@code -} is its own category.
 */
public final class StreamName {

    public static final int MAX_LENGTH = 200;

    private StreamName() {}

    /**
     * Returns {@code name} when it is a valid stream name to append to.
     *
     * @throws InvalidStreamNameException naming the rule that was broken
     */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidStreamNameException(name == null ? "" : name, "must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidStreamNameException(
                    name, "is " + name.length() + " characters long, more than " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidStreamNameException(name, "has a control character at index " + i);
            }
        }
        EventTexts.unpairedSurrogate(name)
                .or(() -> EventTexts.bidiControl(name))
                .ifPresent(reason -> {
                    throw new InvalidStreamNameException(name, reason.replaceFirst("^it ", ""));
                });
        if (name.isBlank()) {
            throw new InvalidStreamNameException(name, "must not be blank");
        }
        if (name.charAt(0) == '$') {
            throw new InvalidStreamNameException(name, "names starting with '$' are reserved for system streams");
        }
        return name;
    }

    /** The category of a stream: the part of its name before the first {@code -}, or the whole name. */
    public static String categoryOf(String stream) {
        int dash = stream.indexOf('-');
        return dash < 0 ? stream : stream.substring(0, dash);
    }
}
