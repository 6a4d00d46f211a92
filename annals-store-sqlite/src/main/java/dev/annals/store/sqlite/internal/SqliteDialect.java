package dev.annals.store.sqlite.internal;

import dev.annals.store.Direction;
import dev.annals.store.ReadSource;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.jdbc.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's SQL text and error codes. */
public final class SqliteDialect implements SqlDialect {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    /** Where this process's writer says each stream ends in the tail; null outside the open store. */
    private final TailPositions tailPositions;

    /** The dialect for any connection to a store's file. */
    public SqliteDialect() {
        this(null);
    }

    /** The open store's dialect: its stream reads scan the tail only as far as {@code tailPositions} says. */
    SqliteDialect(TailPositions tailPositions) {
        this.tailPositions = tailPositions;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    /** Applied by {@code SqliteSchema}, which baselines files from before Flyway at their user version. */
    @Override
    public String migrations() {
        return "classpath:dev/annals/store/sqlite/migration";
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            var code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return false;
    }

    /** SQLite's primary result codes (the low byte of an extended code) that mean the storage failed. */
    @Override
    public Optional<StoreUnavailableException.Reason> storageFault(SQLException e) {
        int primary =
                e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        return switch (primary) {
            case 13 -> Optional.of(StoreUnavailableException.Reason.DISK_FULL); // SQLITE_FULL
            case 8 -> Optional.of(StoreUnavailableException.Reason.READ_ONLY); // SQLITE_READONLY
            case 10, 14, 15 -> Optional.of(StoreUnavailableException.Reason.IO_ERROR); // IOERR, CANTOPEN, PROTOCOL
            default -> Optional.empty();
        };
    }

    /**
     * SQLITE_BUSY (another connection holds the write lock, or a checkpoint runs) and SQLITE_LOCKED (a
     * conflict inside a shared cache), by their primary code: a statement refused with either did nothing and
     * leaves its transaction usable, so running it again once the lock is free is safe.
     */
    @Override
    public boolean isBusy(SQLException e) {
        int primary =
                e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    /**
     * Takes the write lock at once: a deferred transaction that read first would fail with SQLITE_BUSY on its
     * first write if another connection committed meanwhile, and could not be retried statement by statement.
     */
    @Override
    public String beginWrite() {
        return "BEGIN IMMEDIATE";
    }

    /** Overwrites deleted content with zeros, so that a forgotten subject's key leaves no trace in free pages. */
    @Override
    public List<String> secureDelete() {
        return List.of("PRAGMA secure_delete = ON");
    }

    /** Takes the write lock at once, so that the store's writer waits instead of failing on a stale snapshot. */
    @Override
    public List<String> beginBulkWrite() {
        return List.of(beginWrite());
    }

    /** The audit seals in the same transaction as it checks, so it takes the write lock at once. */
    @Override
    public List<String> beginAudit() {
        return List.of(beginWrite());
    }

    private static final String CATEGORY_STREAMS = "(SELECT stream_id FROM streams WHERE category = ?)";

    /**
     * A category's streams from the unique index on names, which schema version 6 keeps alone (docs/adr/0048):
     * the stream named as the category, and the names from {@code CATEGORY-} up to but excluding
     * {@code CATEGORY.} ({@code .} follows {@code -} in byte order, and names compare by their bytes). A
     * category never holds a dash, so one that does names no stream. {@code ?1} is the category; the bare
     * parameters after it are numbered on from 2, as before.
     */
    private static final String CATEGORY_STREAMS_BY_NAME = "(SELECT stream_id FROM streams WHERE instr(?1, '-') = 0"
            + " AND (name = ?1 OR (name >= ?1 || '-' AND name < ?1 || '.')))";

    /** Indexes the events the bulk write added by stream before it commits (docs/adr/0015). */
    @Override
    public List<String> endBulkWrite() {
        return StreamIndex.CATCH_UP_SORTED;
    }

    @Override
    public String readPage(ReadSource source, Direction direction) {
        if (source instanceof ReadSource.StreamOf) {
            return StreamIndex.readStreamPage(direction, tailPositions != null);
        }
        String page = SqlDialect.super.readPage(source, direction);
        if (source instanceof ReadSource.Category) {
            if (!page.contains(CATEGORY_STREAMS)) {
                // Without the index on categories, the shared query would scan every stream at each page.
                throw new IllegalStateException("the shared category query changed; SqliteDialect must follow it");
            }
            page = page.replace(CATEGORY_STREAMS, CATEGORY_STREAMS_BY_NAME);
        }
        if (source instanceof ReadSource.Category || source instanceof ReadSource.EventType) {
            // The unary + keeps SQLite walking the log in position order (its rowid) and filtering, instead
            // of gathering the whole category through the stream index and sorting it for every page.
            return page.replace("WHERE e.stream_id IN", "WHERE +e.stream_id IN")
                    .replace("WHERE e.type_id =", "WHERE +e.type_id =");
        }
        return page;
    }

    /**
     * {@code LIMIT +?} instead of a bare {@code LIMIT ?}. With a bare LIMIT parameter every execution of a
     * prepared page query cost what preparing it costs (measured: 68 µs of CPU for an 8-event stream page,
     * 13 µs once written {@code +?}, with the same plan): as we read it, the planner uses the parameter's
     * bound value, so SQLite prepares the statement anew once the parameter is bound again. The unary +
     * makes the limit an expression the planner does not read; the query returns the same rows.
     */
    @Override
    public String limit() {
        return " LIMIT +?";
    }

    @Override
    public void bindReadExtras(PreparedStatement statement, ReadSource source, int nextIndex) throws SQLException {
        if (tailPositions != null && source instanceof ReadSource.StreamOf stream) {
            statement.setLong(nextIndex, tailPositions.end(stream.stream()));
        }
    }

    @Override
    public String selectStreamsPage() {
        return StreamIndex.selectStreamsPage();
    }

    @Override
    public String selectStreamState() {
        return StreamIndex.selectStreamState();
    }
}
