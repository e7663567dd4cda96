-- Retort store schema, version 2, SQLite dialect.
-- 1. The config key moves from an index on trial to its own clustered table. A registration collects the keys
--    of a large load in memory and writes them here in key order (sequential appends into the B-tree), which
--    costs about a third of building or maintaining a random-order index over the same keys. trial.hash64
--    stays (unindexed): resuming an interrupted registration reads it.
-- 2. Registration can run in committed chunks while workers already claim the first trials. The experiment
--    row names the registrar holding that work and its lease; registered_hash is set once every config
--    of the plan is stored and keyed, in the same transaction that clears the registrar.

CREATE TABLE trial_key (
    experiment_id INTEGER NOT NULL,
    hash64        INTEGER NOT NULL,  -- first 64 bits of the config's SHA-256 (a collision is refused, never merged)
    trial_id      INTEGER NOT NULL,  -- trial.id
    PRIMARY KEY (experiment_id, hash64)
) WITHOUT ROWID;
INSERT INTO trial_key (experiment_id, hash64, trial_id)
    SELECT experiment_id, hash64, id FROM trial ORDER BY experiment_id, hash64;
DROP INDEX trial_by_hash;

-- registrar: host:pid:token of the process registering now, null when none; registrar_until: its lease (epoch
-- ms), renewed with every committed chunk; registered_at: when registered_hash was last set.
ALTER TABLE experiment ADD COLUMN registrar TEXT;
ALTER TABLE experiment ADD COLUMN registrar_until INTEGER;
ALTER TABLE experiment ADD COLUMN registered_at INTEGER;
