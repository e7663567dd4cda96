#!/usr/bin/env bash
# Native floor for registering 1,000,000 trials: the sqlite3 shell inserting the same rows (same schema,
# same pragmas, random 64-bit keys, key index built after the load) in one transaction.
set -euo pipefail
ddl="$1"; db="$(mktemp -d)/floor.db"
sed -n '/CREATE TABLE trial /,/^);/p' "$ddl" > "$db.sql"
grep "CREATE INDEX" "$ddl" >> "$db.sql"
sqlite3 "$db" "PRAGMA journal_mode=WAL" ".read $db.sql" >/dev/null
start=$(date +%s.%N)
sqlite3 "$db" "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; BEGIN;
 WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<1000000)
 INSERT INTO trial(experiment_id, seq, hash64, config_json, state, created_at)
 SELECT 1, i, random(), '{\"a\":'||(i/10000)||',\"b\":'||(i/100%100)||',\"c\":'||(i%100)||'}', 'PENDING', 1 FROM c;
 CREATE UNIQUE INDEX trial_by_hash ON trial (experiment_id, hash64); COMMIT;"
end=$(date +%s.%N)
echo "native sqlite3 bulk load of 1,000,000 trials: $(echo "$end - $start" | bc) s"
rm -rf "$(dirname "$db")"
