package dev.annals.cli.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.ErasureState;
import dev.annals.store.jdbc.transfer.StreamMark;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;

/** Writes one export file in {@link ExportFormat}: the header, the events, their streams' marks, the keys, the end line. */
final class ExportWriter {

    /**
     * What was written.
     *
     * @param events  how many events
     * @param first   the first event's position, 0 when none
     * @param last    the last event's position, 0 when none
     * @param erasure the marks and keys written
     */
    record Written(long events, long first, long last, ErasureState erasure) {}

    private ExportWriter() {}

    /**
     * Writes {@code events} and {@code erasure} to {@code out}: every mark when {@code whole}, else only
     * those of the streams the events hold (a mark needs its stream's events in the import).
     */
    static Written write(Writer out, Iterator<RecordedEvent> events, ErasureState erasure, boolean whole)
            throws IOException {
        line(out, ExportFormat.header());
        var unseen = new HashMap<String, StreamMark>();
        erasure.marks().forEach(mark -> unseen.put(mark.stream(), mark));
        var seen = new ArrayList<StreamMark>();
        long count = 0;
        long first = 0;
        long last = 0;
        while (events.hasNext()) {
            var event = events.next();
            line(out, ExportFormat.write(event));
            var mark = unseen.remove(event.stream());
            if (mark != null) {
                seen.add(mark);
            }
            first = count == 0 ? event.position() : first;
            last = event.position();
            count++;
        }
        var written = new ErasureState(whole ? erasure.marks() : seen, erasure.subjectKeys());
        for (var mark : written.marks()) {
            line(out, ExportFormat.write(mark));
        }
        for (var key : written.subjectKeys()) {
            line(out, ExportFormat.write(key));
        }
        line(
                out,
                ExportFormat.end(
                        count, written.marks().size(), written.subjectKeys().size()));
        return new Written(count, first, last, written);
    }

    private static void line(Writer out, String line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}
