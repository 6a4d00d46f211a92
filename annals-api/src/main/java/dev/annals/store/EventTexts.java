package dev.annals.store;

import dev.annals.event.EventData;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for the text an event carries beside its payload, the same on every backend: what PostgreSQL
 * cannot store (a NUL character, text that is not valid UTF-16) is refused everywhere, so that data moves
 * between backends unchanged and one bad event is refused before it reaches a group commit.
 *
 * <ul>
 *     <li>A type name is non-blank, at most {@value #MAX_TYPE_LENGTH} characters, with no control characters
 *     and no unpaired surrogate.</li>
 *     <li>A metadata key or value has no NUL character and no unpaired surrogate.</li>
 * </ul>
 * The payload is bytes and is stored as given.
 */
public final class EventTexts {

    /** The longest event type name, in UTF-16 characters. */
    public static final int MAX_TYPE_LENGTH = 200;

    private EventTexts() {}

    /**
     * Checks the type and metadata of {@code event}, appended to {@code stream}.
     *
     * @throws InvalidEventException naming the event, the field and the rule broken
     */
    public static void validate(String stream, EventData event) {
        String type = event.type();
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new InvalidEventException(
                    stream,
                    event.eventId(),
                    "type",
                    "it is " + type.length() + " characters long, more than " + MAX_TYPE_LENGTH);
        }
        for (int i = 0; i < type.length(); i++) {
            if (Character.isISOControl(type.charAt(i))) {
                throw new InvalidEventException(
                        stream,
                        event.eventId(),
                        "type",
                        "it has a control character (U+" + hex(type.charAt(i)) + ") at index " + i);
            }
        }
        unpairedSurrogate(type).ifPresent(reason -> {
            throw new InvalidEventException(stream, event.eventId(), "type", reason);
        });
        bidiControl(type).ifPresent(reason -> {
            throw new InvalidEventException(stream, event.eventId(), "type", reason);
        });
        for (Map.Entry<String, String> entry : event.metadata().values().entrySet()) {
            textProblem(entry.getKey()).ifPresent(reason -> {
                throw new InvalidEventException(stream, event.eventId(), "metadata key", reason);
            });
            textProblem(entry.getValue()).ifPresent(reason -> {
                throw new InvalidEventException(
                        stream, event.eventId(), "metadata value of '" + entry.getKey() + "'", reason);
            });
        }
    }

    /** Why {@code text} cannot be stored as it is (a NUL, an unpaired surrogate), or empty. */
    public static Optional<String> textProblem(String text) {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            return Optional.of("it has a NUL character at index " + nul);
        }
        return unpairedSurrogate(text);
    }

    /** Where {@code text} has a surrogate that is not half of a pair, or empty when it is valid UTF-16. */
    public static Optional<String> unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("it has an unpaired surrogate (U+" + hex(c) + ") at index " + i
                        + ", which is not valid Unicode");
            }
        }
        return Optional.empty();
    }

    /**
     * Where {@code name} (a stream name, an event type) has a bidirectional formatting character (Unicode's
     * Bidi_Control: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), or empty. Such a character is
     * invisible and reorders what follows it on screen, so a name holding one reads differently in a log, a
     * terminal or the console than what is stored, and two names that look the same can differ. Free text
     * (payloads, metadata values) may need them for right-to-left scripts and keeps them.
     */
    public static Optional<String> bidiControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isBidiControl(c)) {
                return Optional.of("it has an invisible bidirectional formatting character (U+" + hex(c) + ") at index "
                        + i + ", which would show the name reordered");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code codePoint} is one of Unicode's Bidi_Control characters (see {@link #bidiControl}). */
    public static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
