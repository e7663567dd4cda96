-- Retort store schema, version 1, SQLite dialect. Kept in lockstep with the other dialects' V1.
-- Times are epoch milliseconds from the writer's injected clock; never CURRENT_TIMESTAMP.

CREATE TABLE experiment (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    plan_json       TEXT    NOT NULL,  -- canonical description of what defines the trials (space, objective, search)
    plan_hash       TEXT    NOT NULL,
    registered_hash TEXT,              -- plan_hash whose configs are all registered; null while registering
    metric_name     TEXT,
    metric_goal     TEXT,
    settings_json   TEXT,              -- limits and lease settings of the last run; not part of the identity
    created_at      INTEGER NOT NULL
);

CREATE TABLE trial (
    id            INTEGER PRIMARY KEY,  -- global row id
    experiment_id INTEGER NOT NULL REFERENCES experiment (id),
    seq           INTEGER NOT NULL,     -- the trial id users see: registration order within the experiment
    config_json   TEXT    NOT NULL,     -- canonical JSON; the config hash is the SHA-256 of this text
    hash64        INTEGER NOT NULL,     -- first 64 bits of that hash: the unique key (a collision is refused, never merged)
    state         TEXT    NOT NULL,
    attempt       INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 0, -- fencing token: bumped by every state change
    worker        TEXT,
    lease_until   INTEGER,
    heartbeat_at  INTEGER,
    created_at    INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER,
    result_json   TEXT,
    metric        REAL,
    error         TEXT,
    cost          REAL,
    phase         TEXT,                 -- the phase in progress or last reached (FIT, PREDICT, EVAL, ...)
    phase_at      INTEGER
);
CREATE UNIQUE INDEX trial_by_hash ON trial (experiment_id, hash64);
CREATE INDEX trial_by_state ON trial (experiment_id, state, seq);
CREATE INDEX trial_by_metric ON trial (experiment_id, metric) WHERE state = 'DONE';

-- Per-state counters, kept in the same transaction as every change (state changes by trigger, inserts by
-- the registering statement), so limits and status never scan the trial table.
CREATE TABLE trial_count (
    experiment_id INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    n             INTEGER NOT NULL DEFAULT 0,
    cost          REAL    NOT NULL DEFAULT 0,
    PRIMARY KEY (experiment_id, state)
) WITHOUT ROWID;

CREATE TRIGGER trial_count_update AFTER UPDATE OF state, cost ON trial
    WHEN OLD.state <> NEW.state OR COALESCE(OLD.cost, 0) <> COALESCE(NEW.cost, 0) BEGIN
    UPDATE trial_count SET n = n - 1, cost = cost - COALESCE(OLD.cost, 0)
     WHERE experiment_id = OLD.experiment_id AND state = OLD.state;
    UPDATE trial_count SET n = n + 1, cost = cost + COALESCE(NEW.cost, 0)
     WHERE experiment_id = NEW.experiment_id AND state = NEW.state;
END;

CREATE TABLE worker (
    id            TEXT    NOT NULL,
    experiment_id INTEGER NOT NULL,
    host          TEXT    NOT NULL,
    pid           INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    heartbeat_at  INTEGER NOT NULL,
    stopped_at    INTEGER,
    PRIMARY KEY (experiment_id, id)
);
