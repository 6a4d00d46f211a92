package dev.annals.bench.compare.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Fills the peers' tables for the replay benchmark with plain batched inserts: the rows Axon's engine and
 * the plain loop would have written (Axon's payload is the same JSON its Jackson serializer writes for
 * the benchmark event), without spending minutes appending them through each system.
 */
public final class ReplayTables {

    private static final int BATCH = 1_000;
    private static final byte[] EMPTY_METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    private ReplayTables() {}

    /** Inserts {@code events} rows into Axon's DomainEventEntry, spread over {@code streams} aggregates. */
    public static void fillAxon(Database database, long events, int streams, byte[] payload, String type)
            throws SQLException {
        String sql = "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)";
        String payloadType = AxonTarget.AxonBenchEvent.class.getName();
        fill(database, sql, events, (insert, i) -> {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "replay-" + (i % streams));
            insert.setLong(3, i / streams);
            insert.setString(4, type);
            insert.setString(5, Instant.now().toString());
            insert.setString(6, payloadType);
            insert.setBytes(7, payload);
            insert.setBytes(8, EMPTY_METADATA);
        });
    }

    /** Inserts {@code events} rows into the plain table, spread over {@code streams} streams. */
    public static void fillPlain(Database database, long events, int streams, byte[] payload, String type)
            throws SQLException {
        String sql = "INSERT INTO plain_events (stream, version, event_id, type, payload) VALUES (?, ?, ?, ?, ?)";
        fill(database, sql, events, (insert, i) -> {
            UUID id = UUID.randomUUID();
            insert.setString(1, "replay-" + (i % streams));
            insert.setLong(2, i / streams);
            insert.setBytes(
                    3,
                    java.nio.ByteBuffer.allocate(16)
                            .putLong(id.getMostSignificantBits())
                            .putLong(id.getLeastSignificantBits())
                            .array());
            insert.setString(4, type);
            insert.setBytes(5, payload);
        });
    }

    private interface Row {
        void bind(java.sql.PreparedStatement insert, long index) throws SQLException;
    }

    private static void fill(Database database, String sql, long events, Row row) throws SQLException {
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement(sql)) {
                for (long i = 0; i < events; i++) {
                    row.bind(insert, i);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == events) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }
}
