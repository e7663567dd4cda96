-- Retort store schema, version 3, SQLite dialect. Kept in lockstep with ../postgres/V3__lineage.sql.
-- What multi-fidelity search needs (docs/store.md, "Lineage and reports"):
-- 1. Lineage of a trial: the fidelity it ran at (e.g. epochs), its rung (0 = base), and its parent, the trial of
--    the same config one rung lower whose directory it continues from. parent_seq is the parent's trial id as
--    users see it (seq), so it survives `retort store copy`, which may move row ids. All null for grid/random.
-- 2. Intermediate results (trial.report(step, values)): one row per trial, attempt and step, written fenced by
--    the trial's version while its worker holds it.

ALTER TABLE trial ADD COLUMN fidelity REAL;
ALTER TABLE trial ADD COLUMN rung INTEGER;
ALTER TABLE trial ADD COLUMN parent_seq INTEGER;

CREATE TABLE trial_report (
    experiment_id INTEGER NOT NULL,
    trial_seq     INTEGER NOT NULL,  -- trial.seq
    attempt       INTEGER NOT NULL,
    step          INTEGER NOT NULL,
    values_json   TEXT    NOT NULL,  -- canonical JSON object (sorted keys)
    reported_at   INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, trial_seq, attempt, step)
) WITHOUT ROWID;
