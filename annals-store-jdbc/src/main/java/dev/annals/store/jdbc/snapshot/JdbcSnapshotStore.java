package dev.annals.store.jdbc.snapshot;

import dev.annals.snapshot.Snapshot;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.projection.ConnectionFactory;
import dev.annals.store.jdbc.projection.internal.LockWaits;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Snapshots in a SQL store's table {@code snapshots} (one row per stream and version), with the SQL its
 * {@link SqlDialect} gives ({@link SqlDialect#saveSnapshot()} and the two after it). Each backend's store
 * is this one opened its way ({@code SqliteSnapshotStore}, {@code PostgresSnapshotStore}): they extend it
 * only to add their factories, which is why it is not final while its methods are.
 *
 * <p>Each call takes its own connection from the factory and gives it back, waiting in Java while the
 * database is busy (as its dialect says, {@link SqlDialect#isBusy}), so one instance serves many threads. It holds nothing of its own:
 * {@link #close()} does nothing.
 */
public class JdbcSnapshotStore implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSnapshotStore.class);

    private final SqlDialect dialect;
    private final ConnectionFactory connections;
    private final String save;
    private final String select;
    private final String delete;

    /** The snapshots of the store that {@code connections} open, whose SQL {@code dialect} speaks. */
    public JdbcSnapshotStore(SqlDialect dialect, ConnectionFactory connections) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.connections = requireNonNull(connections, "connections");
        this.save = dialect.saveSnapshot();
        this.select = dialect.selectSnapshots();
        this.delete = dialect.deleteSnapshots();
    }

    @Override
    public final void save(Snapshot snapshot) {
        requireNonNull(snapshot, "snapshot");
        run("save the snapshot of stream '" + snapshot.stream() + "' at version " + snapshot.version(), () -> {
            try (var connection = connections.open();
                    var insert = connection.prepareStatement(save)) {
                insert.setString(1, snapshot.stream());
                insert.setLong(2, snapshot.version());
                insert.setLong(3, snapshot.position());
                insert.setInt(4, snapshot.stateVersion());
                insert.setString(5, snapshot.state());
                insert.setLong(6, snapshot.takenAt().toEpochMilli());
                insert.executeUpdate();
            }
            LOG.debug(
                    "stream {}: saved snapshot at version {}, position {}",
                    snapshot.stream(),
                    snapshot.version(),
                    snapshot.position());
            return null;
        });
    }

    @Override
    public final List<Snapshot> list(String stream) {
        requireNonNull(stream, "stream");
        return run("list the snapshots of stream '" + stream + "'", () -> {
            try (var connection = connections.open();
                    var query = connection.prepareStatement(select)) {
                query.setString(1, stream);
                var snapshots = new ArrayList<Snapshot>();
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        snapshots.add(new Snapshot(
                                stream,
                                rows.getLong(1),
                                rows.getLong(2),
                                rows.getInt(3),
                                rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
                return List.copyOf(snapshots);
            }
        });
    }

    @Override
    public final int drop(String stream) {
        requireNonNull(stream, "stream");
        return run("drop the snapshots of stream '" + stream + "'", () -> {
            try (var connection = connections.open();
                    var statement = connection.prepareStatement(delete)) {
                statement.setString(1, stream);
                int dropped = statement.executeUpdate();
                LOG.debug("stream {}: dropped {} snapshot(s)", stream, dropped);
                return dropped;
            }
        });
    }

    private <T> T run(String what, LockWaits.SqlCall<T> call) {
        try {
            return LockWaits.retryWhileBusy(dialect, call);
        } catch (SQLException e) {
            throw new EventStoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
