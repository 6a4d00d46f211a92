package dev.annals.store.jdbc.projection.internal;

/**
 * The SQL of the projections' bookkeeping tables (see the SQLite schema, version 2). Portable: upserts
 * use {@code ON CONFLICT ... DO UPDATE}, which SQLite and PostgreSQL share.
 */
public final class ProjectionSql {

    public static final String SELECT_CHECKPOINT = "SELECT position FROM projection_checkpoints WHERE projection = ?";
    public static final String UPSERT_CHECKPOINT =
            "INSERT INTO projection_checkpoints (projection, position, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position,"
                    + " updated_at = excluded.updated_at";
    public static final String DELETE_CHECKPOINT = "DELETE FROM projection_checkpoints WHERE projection = ?";
    public static final String SELECT_CONTROL =
            "SELECT paused, rebuild, live_version FROM projection_control" + " WHERE projection = ?";
    public static final String UPSERT_PAUSED = "INSERT INTO projection_control (projection, paused) VALUES (?, ?)"
            + " ON CONFLICT (projection) DO UPDATE SET paused = excluded.paused";
    public static final String UPSERT_REBUILD = "INSERT INTO projection_control (projection, rebuild) VALUES (?, ?)"
            + " ON CONFLICT (projection) DO UPDATE SET rebuild = excluded.rebuild";
    public static final String UPSERT_PROMOTED = "INSERT INTO projection_control (projection, rebuild, live_version)"
            + " VALUES (?, NULL, ?) ON CONFLICT (projection) DO UPDATE SET rebuild = NULL,"
            + " live_version = excluded.live_version";
    public static final String UPSERT_STATUS = "INSERT INTO projection_status (projection, state, checkpoint, head,"
            + " events_behind, seconds_behind, error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (projection) DO UPDATE SET state = excluded.state, checkpoint = excluded.checkpoint,"
            + " head = excluded.head, events_behind = excluded.events_behind,"
            + " seconds_behind = excluded.seconds_behind, error = excluded.error, updated_at = excluded.updated_at";
    public static final String SELECT_STATUS = "SELECT s.projection, s.state, s.checkpoint, s.head, s.seconds_behind,"
            + " s.error, s.updated_at, s.events_behind, (SELECT COUNT(*) FROM dead_letters d WHERE d.projection = s.projection"
            + " AND d.status IN ('PARKED', 'RETRY_REQUESTED')) FROM projection_status s ORDER BY s.projection";
    public static final String SELECT_OPEN_LETTERS = "SELECT " + DeadLetterRows.COLUMNS + " FROM dead_letters"
            + " WHERE status IN ('PARKED', 'RETRY_REQUESTED') AND (? IS NULL OR projection = ?) ORDER BY id";
    public static final String SELECT_LETTER = "SELECT " + DeadLetterRows.COLUMNS + " FROM dead_letters WHERE id = ?";
    public static final String SELECT_RETRY_REQUESTS = "SELECT " + DeadLetterRows.COLUMNS + " FROM dead_letters"
            + " WHERE projection = ? AND status = 'RETRY_REQUESTED' ORDER BY id";
    public static final String INSERT_LETTER = "INSERT INTO dead_letters (projection, position, event_id, event_type,"
            + " error, attempts, first_failure, last_failure, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    public static final String UPDATE_LETTER =
            "UPDATE dead_letters SET error = ?, attempts = ?, last_failure = ?," + " status = ? WHERE id = ?";
    public static final String SET_LETTER_STATUS =
            "UPDATE dead_letters SET status = ? WHERE id = ?" + " AND status IN ('PARKED', 'RETRY_REQUESTED')";
    /** Resolves a letter only while a retry request stands on it: the claim of one redelivery. */
    public static final String CLAIM_RETRY =
            "UPDATE dead_letters SET status = 'RESOLVED' WHERE id = ? AND status = 'RETRY_REQUESTED'";

    public static final String HEAD = "SELECT COALESCE(MAX(position), 0) FROM events";

    private ProjectionSql() {}
}
