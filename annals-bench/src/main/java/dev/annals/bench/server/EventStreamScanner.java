package dev.annals.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an HTTP/1.1 response carrying Server-Sent Events from raw bytes, as they come off a socket: the
 * status line and headers, then the body (chunked or not), then its lines; tells a {@link Lines} of each
 * {@code id:}, {@code event:} and {@code data:} line. No string per line and no regular expression: with a
 * thousand subscribers in one process, a reader that costs more than the server's writer measures itself.
 */
final class EventStreamScanner {

    /** What the scanner found. */
    interface Lines {
        /** The response's status code, once its head has been read. */
        void status(int code);

        /** An {@code id:} line's number. */
        void id(long id);

        /** An {@code event:} line's name (only names other than {@code event}, which every event has). */
        void event(String name);

        /** A {@code data:} line, as bytes {@code from} (after the colon) to {@code to} of {@code line}. */
        void data(byte[] line, int from, int to);
    }

    private static final byte[] ID = "id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_EVENT = "event: event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);

    private enum State {
        HEAD,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        PLAIN
    }

    private final Lines lines;
    private State state = State.HEAD;
    private byte[] line = new byte[1024];
    private int length;
    private long chunkLeft;
    private boolean chunked;
    private boolean sizeRead;

    EventStreamScanner(Lines lines) {
        this.lines = lines;
    }

    /** Takes the next {@code count} bytes of the response. */
    void accept(byte[] bytes, int offset, int count) {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            switch (state) {
                case HEAD -> head(b);
                case CHUNK_SIZE -> chunkSize(b);
                case CHUNK_DATA -> {
                    // Copy the rest of the chunk, or of what arrived, in one pass.
                    int take = (int) Math.min(chunkLeft, end - i);
                    body(bytes, i, take);
                    chunkLeft -= take;
                    i += take - 1;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (b == '\n') {
                        state = State.CHUNK_SIZE;
                    }
                }
                case PLAIN -> {
                    body(bytes, i, end - i);
                    i = end;
                }
            }
        }
    }

    private void head(byte b) {
        if (b != '\n') {
            append(b);
            return;
        }
        int to = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (to == 0) {
            state = chunked ? State.CHUNK_SIZE : State.PLAIN;
        } else if (startsWith(line, to, "HTTP/".getBytes(StandardCharsets.US_ASCII))) {
            int space = indexOf(line, to, (byte) ' ');
            lines.status(Integer.parseInt(new String(line, space + 1, 3, StandardCharsets.US_ASCII)));
        } else if (to == CHUNKED.length && equalsIgnoreCase(line, CHUNKED)) {
            chunked = true;
        }
        length = 0;
    }

    // Parsed on the fly: the line buffer may hold the start of an SSE line that the next chunk finishes.
    private void chunkSize(byte b) {
        if (b == '\n') {
            state = chunkLeft == 0 ? State.HEAD : State.CHUNK_DATA; // a last chunk ends the body
            sizeRead = false;
        } else if (!sizeRead && Character.digit(b, 16) >= 0) {
            chunkLeft = chunkLeft * 16 + Character.digit(b, 16);
        } else {
            sizeRead = true; // an extension (";name=value") or the CR
        }
    }

    /**
     * Takes body bytes: whole lines are read where they lie, and only a line cut by the end of what arrived
     * is copied, to be finished by the next bytes.
     */
    private void body(byte[] bytes, int from, int count) {
        int end = from + count;
        int start = from;
        for (int i = ByteSearch.indexOf(bytes, start, end, (byte) '\n');
                i >= 0;
                i = ByteSearch.indexOf(bytes, start, end, (byte) '\n')) {
            if (length > 0) {
                append(bytes, start, i - start);
                line(line, 0, length);
                length = 0;
            } else {
                line(bytes, start, i);
            }
            start = i + 1;
        }
        append(bytes, start, end - start);
    }

    private void line(byte[] bytes, int from, int to) {
        if (startsWith(bytes, from, to, DATA)) {
            lines.data(bytes, from + DATA.length, to);
        } else if (startsWith(bytes, from, to, ID)) {
            long id = 0;
            for (int i = from + ID.length; i < to; i++) {
                if (bytes[i] >= '0' && bytes[i] <= '9') {
                    id = id * 10 + (bytes[i] - '0');
                }
            }
            lines.id(id);
        } else if (startsWith(bytes, from, to, EVENT) && !isEventEvent(bytes, from, to)) {
            String name =
                    new String(bytes, from + EVENT.length, to - from - EVENT.length, StandardCharsets.UTF_8).strip();
            if (!name.equals("event")) {
                lines.event(name);
            }
        }
    }

    /**
     * True for the {@code event: event} line that every event has, told apart without a string: three strings
     * per event per subscriber were two thirds of what the load generator allocated (JFR), and its
     * collections paused every reader, which the run then counted as delivery time.
     */
    private static boolean isEventEvent(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return end - from == EVENT_EVENT.length && startsWith(bytes, from, end, EVENT_EVENT);
    }

    private void append(byte[] bytes, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }

    private void append(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return startsWith(bytes, 0, length, prefix);
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean equalsIgnoreCase(byte[] bytes, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            if (Character.toLowerCase(bytes[i]) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
