package dev.annals.server.internal.live;

import java.util.Locale;

/**
 * Whether a request's {@code Accept} header lets the server answer with {@code text/event-stream}:
 * no header, {@code *}{@code /*}, {@code text/*} or {@code text/event-stream}, with a quality above 0
 * (RFC 9110, section 12.5.1). curl sends {@code *}{@code /*} and a browser's {@code EventSource} sends
 * {@code text/event-stream}; both must get the stream.
 */
final class EventStreamAccept {

    /** The one media type the route answers with. */
    static final String MEDIA_TYPE = "text/event-stream";

    private EventStreamAccept() {}

    /** True when {@code accept} (the header's value, or null when absent) admits {@code text/event-stream}. */
    static boolean admits(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if ((type.equals("*/*") || type.equals("text/*") || type.equals(MEDIA_TYPE)) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0; // a malformed weight admits nothing rather than everything
                }
            }
        }
        return 1;
    }
}
