package dev.annals.store.postgres.internal;

import dev.annals.store.Direction;
import dev.annals.store.ReadSource;
import dev.annals.store.StoreUnavailableException;
import dev.annals.store.jdbc.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PostgreSQL's SQL text and error codes, every table name qualified with the store's schema.
 *
 * <p>Qualifying the names, rather than setting {@code search_path} on each borrowed connection, costs no
 * round trip and works with any {@code DataSource} the application hands in.
 */
public final class PostgresDialect implements SqlDialect {

    private static final Pattern TABLES =
            Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE) (events|streams|event_types|event_hashes)\\b");
    private static final String UNIQUE_VIOLATION = "23505";

    private final String schema;

    /** @param schema a checked, lower-case identifier (see {@code PostgresOptions}) */
    public PostgresDialect(String schema) {
        this.schema = schema;
    }

    /** The schema name. */
    public String schema() {
        return schema;
    }

    /** {@code sql} with its table names qualified by the schema. */
    public String qualify(String sql) {
        return TABLES.matcher(sql).replaceAll("$1 " + schema + ".$2");
    }

    @Override
    public String name() {
        return "postgresql";
    }

    /** Applied by {@link Migrations} in the store's schema, under Flyway's lock. */
    @Override
    public String migrations() {
        return "classpath:dev/annals/store/postgres/migration";
    }

    @Override
    public String table(String name) {
        return schema + "." + name;
    }

    /**
     * Audits take a lock of their own, not the append lock: an audit reads the whole log and must not stop
     * appends meanwhile, and the committed log is always a gap-free prefix, since appends commit in position
     * order under the append lock.
     */
    @Override
    public List<String> beginAudit() {
        return List.of(
                "BEGIN",
                "SELECT pg_advisory_xact_lock(" + PostgresAppender.LOCK_CLASS + ", " + (schema + ":audit").hashCode()
                        + ")");
    }

    @Override
    public List<String> lockReadModelTables() {
        return List.of("SELECT pg_advisory_xact_lock(" + PostgresAppender.LOCK_CLASS + ", "
                + (schema + ":read-model-tables").hashCode() + ")");
    }

    /**
     * Never: PostgreSQL waits for row and table locks in the server (the client blocks on its socket, which
     * unmounts a virtual thread), so no lock-wait error reaches the client unless a {@code lock_timeout} is
     * set, and Annals sets none. The errors that come closest, {@code 40001} (serialization failure) and
     * {@code 40P01} (deadlock), abort the whole transaction: retrying the one statement that failed would
     * only meet {@code 25P02} (transaction aborted). Those are retried a level up, a read model's unit of
     * work by its runner, an append by its caller.
     */
    @Override
    public boolean isBusy(SQLException e) {
        return false;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * By SQLSTATE: class 08 (connection), 53 (insufficient resources: 53100 is disk full), 57P01-57P03
     * (shut down, cannot connect now), 25006 (a read-only transaction: a standby), 58030 (I/O error).
     */
    @Override
    public Optional<StoreUnavailableException.Reason> storageFault(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException) {
            return Optional.of(StoreUnavailableException.Reason.UNREACHABLE);
        }
        if (state == null) {
            return Optional.empty();
        }
        if (state.equals("53100")) {
            return Optional.of(StoreUnavailableException.Reason.DISK_FULL);
        }
        if (state.equals("25006")) {
            return Optional.of(StoreUnavailableException.Reason.READ_ONLY);
        }
        if (state.equals("58030")) {
            return Optional.of(StoreUnavailableException.Reason.IO_ERROR);
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            return Optional.of(StoreUnavailableException.Reason.UNREACHABLE);
        }
        return Optional.empty();
    }

    @Override
    public String selectEvents() {
        return qualify(SqlDialect.super.selectEvents());
    }

    @Override
    public String readPage(ReadSource source, Direction direction) {
        return qualify(SqlDialect.super.readPage(source, direction));
    }

    @Override
    public String selectHeadPosition() {
        return qualify(SqlDialect.super.selectHeadPosition());
    }

    @Override
    public String selectStreamsPage() {
        return qualify(SqlDialect.super.selectStreamsPage());
    }

    @Override
    public String selectStreamState() {
        return qualify(SqlDialect.super.selectStreamState());
    }

    @Override
    public String updateStreamMarks() {
        return qualify(SqlDialect.super.updateStreamMarks());
    }

    @Override
    public String selectLastStreamKey() {
        return qualify(SqlDialect.super.selectLastStreamKey());
    }

    @Override
    public String selectEventTypes() {
        return qualify(SqlDialect.super.selectEventTypes());
    }

    @Override
    public String insertStream() {
        return qualify(SqlDialect.super.insertStream());
    }

    @Override
    public String insertEventType() {
        return qualify(SqlDialect.super.insertEventType());
    }

    @Override
    public String insertEvent() {
        return qualify(SqlDialect.super.insertEvent());
    }

    /**
     * In one round trip, what an append needs under the lock: the last event's position and recorded-at time
     * (0 and 0 for an empty log), and the stream's key, version and deletion state (NULL, NULL and NULL for
     * a new stream, a NULL version for a stream without events); parameter: the stream's name.
     */
    public String selectAppendState() {
        return "SELECT COALESCE(l.position, 0), COALESCE(l.recorded_at, 0), s.stream_id,"
                + " (SELECT MAX(e.stream_version) FROM " + schema + ".events e WHERE e.stream_id = s.stream_id),"
                + " s.deleted"
                + " FROM (SELECT 1) AS one"
                + " LEFT JOIN (SELECT position, recorded_at FROM " + schema
                + ".events ORDER BY position DESC LIMIT 1) l"
                + " ON true LEFT JOIN " + schema + ".streams s ON s.name = ?";
    }

    /** Takes the schema's append lock (see {@link PostgresAppender}) for the whole bulk write. */
    @Override
    public List<String> beginBulkWrite() {
        return List.of(
                "BEGIN",
                "SELECT pg_advisory_xact_lock(" + PostgresAppender.LOCK_CLASS + ", " + schema.hashCode() + ")");
    }

    /** A type's key; parameter: its name. */
    public String selectEventType() {
        return "SELECT type_id FROM " + schema + ".event_types WHERE name = ?";
    }

    /** The channel NOTIFY and LISTEN use for this schema's head. */
    public String channel() {
        return "annals_head_" + schema;
    }

    @Override
    public void bindEventId(PreparedStatement statement, int index, UUID eventId) throws SQLException {
        statement.setObject(index, eventId);
    }

    @Override
    public UUID readEventId(ResultSet row, int index) throws SQLException {
        return row.getObject(index, UUID.class);
    }
}
