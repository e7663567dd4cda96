-- Retort store schema, version 3, PostgreSQL dialect (see ../sqlite/V3__lineage.sql for the why).
ALTER TABLE trial ADD COLUMN fidelity DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN rung INTEGER;
ALTER TABLE trial ADD COLUMN parent_seq BIGINT;

CREATE TABLE trial_report (
    experiment_id BIGINT  NOT NULL,
    trial_seq     BIGINT  NOT NULL,
    attempt       INTEGER NOT NULL,
    step          BIGINT  NOT NULL,
    values_json   TEXT    NOT NULL,
    reported_at   BIGINT  NOT NULL,
    PRIMARY KEY (experiment_id, trial_seq, attempt, step)
);
