-- Retort store schema, version 2, PostgreSQL dialect (see ../sqlite/V2__trial_key.sql for the why).
CREATE TABLE trial_key (
    experiment_id BIGINT NOT NULL,
    hash64        BIGINT NOT NULL,
    trial_id      BIGINT NOT NULL,
    PRIMARY KEY (experiment_id, hash64)
);
INSERT INTO trial_key (experiment_id, hash64, trial_id)
    SELECT experiment_id, hash64, id FROM trial ORDER BY experiment_id, hash64;
DROP INDEX trial_by_hash;

ALTER TABLE experiment ADD COLUMN registrar TEXT;
ALTER TABLE experiment ADD COLUMN registrar_until BIGINT;
ALTER TABLE experiment ADD COLUMN registered_at BIGINT;
