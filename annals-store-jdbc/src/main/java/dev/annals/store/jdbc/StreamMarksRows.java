package dev.annals.store.jdbc;

import dev.annals.store.StreamDeletionResult;
import dev.annals.store.StreamInfo;
import dev.annals.store.StreamNotFoundException;
import dev.annals.store.internal.StreamMarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes the deletion marks of a stream ({@code streams.truncate_before} and
 * {@code streams.deleted}). Write paths call it inside the transaction that serialises them with appends.
 */
public final class StreamMarksRows {

    private StreamMarksRows() {}

    /**
     * A stream's key with its marks.
     *
     * @param streamId the stream's integer key
     * @param marks    its last version, first readable version and state
     */
    public record Keyed(long streamId, StreamMarks marks) {}

    /** The stream's key and marks, or empty when it was never written. */
    public static Optional<Keyed> find(SqlDialect dialect, Connection connection, String stream) throws SQLException {
        try (var statement = connection.prepareStatement(dialect.selectStreamState())) {
            return find(statement, stream);
        }
    }

    /**
     * The stream's key and marks, or empty when it was never written, with {@code selectStreamState}
     * prepared from {@link SqlDialect#selectStreamState()} and kept by a caller that asks often (a store's
     * writer asks for every stream it does not know yet).
     */
    public static Optional<Keyed> find(PreparedStatement selectStreamState, String stream) throws SQLException {
        selectStreamState.setString(1, stream);
        try (var row = selectStreamState.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            long version = row.getLong(2);
            if (row.wasNull()) {
                version = StreamInfo.NO_STREAM;
            }
            return Optional.of(new Keyed(
                    row.getLong(1), new StreamMarks(version, row.getLong(3), StreamMarks.State.ofCode(row.getInt(4)))));
        }
    }

    /** Stores {@code marks} for the stream with key {@code streamId}. */
    public static void update(SqlDialect dialect, Connection connection, long streamId, StreamMarks marks)
            throws SQLException {
        try (var statement = connection.prepareStatement(dialect.updateStreamMarks())) {
            statement.setLong(1, marks.truncateBefore());
            statement.setInt(2, marks.state().code());
            statement.setLong(3, streamId);
            statement.executeUpdate();
        }
    }

    /**
     * Applies {@code rule} (a deletion or truncation) to the stream's marks and stores the result.
     *
     * @throws StreamNotFoundException when the stream was never written
     */
    public static Applied apply(
            SqlDialect dialect, Connection connection, String stream, Function<StreamMarks, StreamMarks.Change> rule)
            throws SQLException {
        var keyed = find(dialect, connection, stream).orElseThrow(() -> new StreamNotFoundException(stream));
        var change = rule.apply(keyed.marks());
        if (!change.after().equals(keyed.marks())) {
            update(dialect, connection, keyed.streamId(), change.after());
        }
        return new Applied(keyed.streamId(), change.after(), change.result());
    }

    /**
     * What {@link #apply} stored.
     *
     * @param streamId the stream's key
     * @param marks    its new marks
     * @param result   the report for the caller
     */
    public record Applied(long streamId, StreamMarks marks, StreamDeletionResult result) {}
}
