package dev.annals.store;

/** A stream name broke the naming rules of {@link StreamName}. */
public final class InvalidStreamNameException extends InvalidAppendException {

    private final String streamName;
    private final String reason;

    public InvalidStreamNameException(String streamName, String reason) {
        super("invalid stream name " + quoted(streamName) + ": " + reason);
        this.streamName = streamName;
        this.reason = reason;
    }

    /** The rule the name broke, such as {@code must not be empty}. */
    public String reason() {
        return reason;
    }

    /** The rejected name, possibly empty; never {@code null}. */
    public String streamName() {
        return streamName;
    }

    private static String quoted(String name) {
        var shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return "'"
                + shown.codePoints()
                        .collect(
                                StringBuilder::new,
                                (sb, cp) -> {
                                    if (Character.isISOControl(cp) || EventTexts.isBidiControl(cp)) {
                                        sb.append(String.format("\\u%04x", cp));
                                    } else {
                                        sb.appendCodePoint(cp);
                                    }
                                },
                                StringBuilder::append)
                + "'";
    }
}
