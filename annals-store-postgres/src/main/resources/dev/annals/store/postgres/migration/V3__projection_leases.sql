-- Segmented projections (ADR 0009): one lease per segment, and the workers that share them. Times come
-- from the database's clock only (clock_timestamp()), so the workers' clocks never matter.
CREATE TABLE projection_leases (
    projection TEXT        NOT NULL,
    segment    INTEGER     NOT NULL,
    segments   INTEGER     NOT NULL,
    owner      TEXT,
    -- The fencing token: raised on every claim; a read-model transaction commits only under the current one.
    epoch      BIGINT      NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
    PRIMARY KEY (projection, segment)
);

CREATE TABLE projection_workers (
    projection TEXT        NOT NULL,
    worker     TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (projection, worker)
);
