#!/usr/bin/env bash
# Native floor for registering 1,000,000 trials: the sqlite3 shell inserting the same rows (same schema, same
# pragmas, random 64-bit keys) in one transaction, two ways:
#   V1  the V1 row: trial rows, then the unique key index built after the load (what Retort did until V2)
#   V2  the V2 row: trial rows (state index kept), then trial_key appended in key order; the keys are sorted
#       before the clock starts, as Retort sorts them in Java (about 0.1 s for 1,000,000 longs)
# Usage: bench/native-registration-floor.sh [V1__schema.sql]
set -euo pipefail
ddl="${1:-$(dirname "$0")/../retort-core/src/main/resources/dev/retort/store/sqlite/V1__schema.sql}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
sed -n '/CREATE TABLE trial /,/^);/p' "$ddl" > "$tmp/trial.sql"
grep "CREATE INDEX" "$ddl" > "$tmp/index.sql"
rows="WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<1000000)"
pragmas="PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
secs() { echo "$2 - $1" | bc; }

db="$tmp/v1.db"
sqlite3 "$db" "PRAGMA journal_mode=WAL" ".read $tmp/trial.sql" ".read $tmp/index.sql" >/dev/null
start=$(date +%s.%N)
sqlite3 "$db" "$pragmas BEGIN; $rows
 INSERT INTO trial(experiment_id, seq, hash64, config_json, state, created_at)
 SELECT 1, i, random(), '{\"a\":'||(i/10000)||',\"b\":'||(i/100%100)||',\"c\":'||(i%100)||'}', 'PENDING', 1 FROM c;
 CREATE UNIQUE INDEX trial_by_hash ON trial (experiment_id, hash64); COMMIT;"
end=$(date +%s.%N)
echo "native sqlite3 bulk load of 1,000,000 trials, V1 row (index built after): $(secs "$start" "$end") s"

db="$tmp/v2.db"
sqlite3 "$db" "PRAGMA journal_mode=WAL" ".read $tmp/trial.sql" ".read $tmp/index.sql" \
  "CREATE TABLE trial_key (experiment_id INTEGER NOT NULL, hash64 INTEGER NOT NULL, trial_id INTEGER NOT NULL,
     PRIMARY KEY (experiment_id, hash64)) WITHOUT ROWID;
   CREATE TABLE k (i INTEGER PRIMARY KEY, h INTEGER);
   $rows INSERT INTO k SELECT i, random() FROM c; CREATE TABLE ks AS SELECT h, i FROM k ORDER BY h;" >/dev/null
out=$(s=$(date +%s.%N); sqlite3 "$db" "$pragmas BEGIN;
 INSERT INTO trial(id, experiment_id, seq, hash64, config_json, state, created_at)
 SELECT i, 1, i, h, '{\"a\":'||(i/10000)||',\"b\":'||(i/100%100)||',\"c\":'||(i%100)||'}', 'PENDING', 1 FROM k;
 INSERT INTO trial_key SELECT 1, h, i FROM ks; COMMIT;"; e=$(date +%s.%N); secs "$s" "$e")
echo "native sqlite3 bulk load of 1,000,000 trials, V2 row (keys appended in key order): $out s"
