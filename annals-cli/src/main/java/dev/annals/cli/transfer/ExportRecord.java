package dev.annals.cli.transfer;

import dev.annals.event.RecordedEvent;
import dev.annals.store.jdbc.transfer.StoredSubjectKey;
import dev.annals.store.jdbc.transfer.StreamMark;

/** One line of an export file, by kind (docs/export-import.md). */
sealed interface ExportRecord {

    /** The first line of a file of format version 2 or later; a version 1 file has none. */
    record Header(int version) implements ExportRecord {}

    /** An event: a line without {@code kind}, as in every version. */
    record Event(RecordedEvent event) implements ExportRecord {}

    /** A stream's deletion marks. */
    record Mark(StreamMark mark) implements ExportRecord {}

    /** A subject's stored data key, or the record that it is forgotten. */
    record Key(StoredSubjectKey key) implements ExportRecord {}

    /** The last line of a version 2 file, counting the lines of each kind before it. */
    record End(long events, long marks, long keys) implements ExportRecord {}
}
