package dev.annals.store.sqlite.internal;

import dev.annals.store.StoreUnavailableException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which SQLite errors are storage faults: the ones a test cannot provoke for real here (a read-only remount
 * is refused while the store holds its files open; an I/O error needs a failing disk) are checked by code.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorageFaultClassificationTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @Test
    void classifies_full_read_only_and_io_errors_by_their_primary_code() {
        assertThat(fault(SQLiteErrorCode.SQLITE_FULL)).contains(Reason.DISK_FULL);
        assertThat(fault(SQLiteErrorCode.SQLITE_READONLY)).contains(Reason.READ_ONLY);
        assertThat(fault(SQLiteErrorCode.SQLITE_READONLY_DBMOVED)).contains(Reason.READ_ONLY);
        assertThat(fault(SQLiteErrorCode.SQLITE_IOERR_WRITE)).contains(Reason.IO_ERROR);
        assertThat(fault(SQLiteErrorCode.SQLITE_IOERR_FSYNC)).contains(Reason.IO_ERROR);
        assertThat(fault(SQLiteErrorCode.SQLITE_CANTOPEN)).contains(Reason.IO_ERROR);
    }

    @Test
    void leaves_errors_about_the_data_unclassified() {
        assertThat(fault(SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER)).isEmpty();
        assertThat(fault(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)).isEmpty();
        assertThat(fault(SQLiteErrorCode.SQLITE_ERROR)).isEmpty();
    }

    private Optional<Reason> fault(SQLiteErrorCode code) {
        return dialect.storageFault(new SQLiteException("test", code));
    }
}
