package dev.annals.cli.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.StoredSubjectKey;
import dev.annals.store.jdbc.transfer.StreamMark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The events of an export file, read a line at a time, of any format version; the stream marks and subject
 * keys it also holds are gathered on the way and given by {@link #erasureState()} once the events are read.
 * A bad line fails with an {@link UncheckedIOException} naming its number; so does a version 2 file that
 * ends without its end line, or whose end line counts other lines than it holds.
 */
final class ExportFileReader implements Iterator<RecordedEvent> {

    private final BufferedReader reader;
    private final List<StreamMark> marks = new ArrayList<>();
    private final List<StoredSubjectKey> keys = new ArrayList<>();
    private RecordedEvent next;
    private long number;
    private long events;
    private int version;
    private ExportRecord.End end;
    private boolean exhausted;

    ExportFileReader(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null && !exhausted) {
                var line = reader.readLine();
                if (line == null) {
                    exhausted = true;
                } else {
                    number++;
                    if (!line.isBlank()) {
                        take(line);
                    }
                }
            }
            return next != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var event = next;
        next = null;
        events++;
        return event;
    }

    /**
     * The stream marks and subject keys of the file; none for a version 1 file.
     *
     * @throws UncheckedIOException when the file is a version 2 file cut short, or read before its events
     */
    ErasureState erasureState() {
        if (hasNext()) {
            throw new IllegalStateException("the file's events are not all read yet");
        }
        if (version >= 2 && end == null) {
            throw failed("the file ends without its end line after line " + number + ": was it cut short?");
        }
        if (end != null && (end.events() != events || end.marks() != marks.size() || end.keys() != keys.size())) {
            throw failed("the end line counts " + end.events() + " event(s), " + end.marks() + " stream mark(s) and "
                    + end.keys() + " subject key(s), the file holds " + events + ", " + marks.size() + " and "
                    + keys.size() + ": was it edited?");
        }
        return new ErasureState(marks, keys);
    }

    private void take(String line) {
        ExportRecord record;
        try {
            record = ExportFormat.read(line);
        } catch (IOException | RuntimeException e) {
            throw failed("line " + number + ": " + e.getMessage());
        }
        if (end != null) {
            throw failed("line " + number + ": a line after the end line");
        }
        boolean first = version == 0;
        if (first) {
            version = record instanceof ExportRecord.Header header ? header.version() : 1;
        }
        switch (record) {
            case ExportRecord.Header header when !first -> throw failed("line " + number + ": a second header");
            case ExportRecord.Header header -> {}
            case ExportRecord.Event event -> next = event.event();
            case ExportRecord.Mark mark when version >= 2 -> marks.add(mark.mark());
            case ExportRecord.Key key when version >= 2 -> keys.add(key.key());
            case ExportRecord.End last when version >= 2 -> end = last;
            default ->
                throw failed("line " + number + ": a line of kind other than an event in a file without"
                        + " a header (format version 1)");
        }
    }

    private static UncheckedIOException failed(String message) {
        return new UncheckedIOException(new IOException(message));
    }
}
