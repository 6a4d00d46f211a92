package dev.annals.store.sqlite.internal;

import dev.annals.event.EventData;
import dev.annals.store.AppendResult;
import dev.annals.store.jdbc.SqlDialect;
import dev.annals.store.jdbc.StoredEvents;
import dev.annals.store.jdbc.append.PendingAppend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The appends of the writer's open transaction refused for their expected version, whose event ids are looked
 * up once for the whole group (docs/adr/0042): a refused append is still acknowledged when it is an exact retry
 * of a stored one, so its ids must be looked for, and on a contended stream nearly every append of a group is
 * refused. One query per refused append was two fifths of the writer thread's CPU with 64 writers on 4 streams
 * (the driver reads the result's column names for every query); one query per {@value #IDS_PER_QUERY} ids
 * finds, in the usual case, none of them.
 *
 * <p>Only the appends whose ids are found are resolved one by one, as the writer did inline before, in the same
 * transaction. That gives the same outcome as looking them up at their turn, since a refused append writes
 * nothing, unless an id was written by an append later in the group, which the look-up at its turn would not
 * have seen: then the group goes the long way ({@link WrittenLaterInGroup}).
 */
final class RefusedAppends implements AutoCloseable {

    /** Ids looked up by one query; the unused places of the last query are bound to NULL, which matches nothing. */
    static final int IDS_PER_QUERY = 64;

    private final SqlDialect dialect;
    private final PreparedStatement storedIds;
    private final PreparedStatement selectById;
    /** In the order they were refused, which is the order of the batch. */
    private final List<PendingAppend> unsettled = new ArrayList<>();

    /**
     * @param selectById the writer's statement of {@link SqlDialect#selectByEventId()}, for the appends whose ids
     *                   are found; not closed here
     */
    RefusedAppends(SqlDialect dialect, Connection connection, PreparedStatement selectById) throws SQLException {
        this.dialect = dialect;
        this.selectById = selectById;
        this.storedIds = connection.prepareStatement("SELECT event_id FROM events WHERE event_id IN ("
                + String.join(", ", Collections.nCopies(IDS_PER_QUERY, "?")) + ")");
    }

    /** Notes {@code append}, refused for its expected version, for {@link #settle}. */
    void refusedByVersion(PendingAppend append) {
        unsettled.add(append);
    }

    /**
     * Looks the ids of the appends refused since the last call up and, for each one that turns out to be an exact
     * retry (or a conflicting reuse of ids), replaces its outcome. Call before the transaction commits.
     *
     * @param batch         the group, in the order it was written
     * @param outcomes      each append's {@link AppendResult} or refusal, replaced where a look-up says otherwise
     * @param firstPosition the first position the group's transaction wrote (or would have)
     * @throws WrittenLaterInGroup when a refused append's id was written by an append later in the group
     * @throws SQLException        when the database failed
     */
    void settle(List<PendingAppend> batch, Object[] outcomes, long firstPosition) throws SQLException {
        if (unsettled.isEmpty()) {
            return;
        }
        try {
            var found = stored();
            if (found.isEmpty()) {
                return;
            }
            int next = 0;
            for (int i = 0; i < batch.size() && next < unsettled.size(); i++) {
                var append = batch.get(i);
                if (append != unsettled.get(next)) {
                    continue;
                }
                next++;
                if (append.events().stream().noneMatch(event -> found.contains(event.eventId()))) {
                    continue;
                }
                if (writtenLater(batch, outcomes, i, found, firstPosition)) {
                    throw new WrittenLaterInGroup(append.stream());
                }
                try {
                    var retry = StoredEvents.resolveRetry(dialect, selectById, append.stream(), append.events());
                    if (retry.isPresent()) {
                        outcomes[i] = retry.get();
                    }
                } catch (RuntimeException refused) {
                    outcomes[i] = refused;
                }
            }
        } finally {
            unsettled.clear();
        }
    }

    /** Forgets the noted refusals: their transaction failed. */
    void discard() {
        unsettled.clear();
    }

    /** The ids of the noted refusals that are stored, committed or written by this transaction. */
    private Set<UUID> stored() throws SQLException {
        var found = new HashSet<UUID>();
        int bound = 0;
        for (PendingAppend append : unsettled) {
            for (EventData event : append.events()) {
                dialect.bindEventId(storedIds, ++bound, event.eventId());
                if (bound == IDS_PER_QUERY) {
                    query(bound, found);
                    bound = 0;
                }
            }
        }
        if (bound > 0) {
            query(bound, found);
        }
        return found;
    }

    private void query(int bound, Set<UUID> found) throws SQLException {
        for (int unused = bound + 1; unused <= IDS_PER_QUERY; unused++) {
            storedIds.setNull(unused, Types.BLOB);
        }
        try (var rows = storedIds.executeQuery()) {
            while (rows.next()) {
                found.add(dialect.readEventId(rows, 1));
            }
        }
    }

    /** Whether an append after {@code refused} in the batch wrote one of the {@code found} ids. */
    private static boolean writtenLater(
            List<PendingAppend> batch, Object[] outcomes, int refused, Set<UUID> found, long firstPosition) {
        var ids = new HashSet<UUID>();
        batch.get(refused).events().forEach(event -> {
            if (found.contains(event.eventId())) {
                ids.add(event.eventId());
            }
        });
        for (int j = refused + 1; j < batch.size(); j++) {
            // A result at or after the group's first position was written by this group (or answers a retry of
            // an append of it): either way the ids it holds may not have been stored at the refused append's turn.
            if (outcomes[j] instanceof AppendResult result
                    && result.position() >= firstPosition
                    && batch.get(j).events().stream().anyMatch(event -> ids.contains(event.eventId()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        storedIds.close();
    }

    /**
     * A refused append's event id was written by an append later in its own group, so looking it up after the
     * group would tell another outcome than looking it up at its turn: the group's transaction is given up and
     * its appends are written one by one (docs/adr/0017), each looked up at its turn.
     */
    static final class WrittenLaterInGroup extends RuntimeException {

        WrittenLaterInGroup(String stream) {
            super("an event id of a refused append to stream '" + stream
                    + "' was written later in the same group; the group is written again append by append");
        }
    }
}
