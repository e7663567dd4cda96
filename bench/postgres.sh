#!/usr/bin/env bash
# No-op trials/s on a PostgreSQL store with 8 worker processes, beside pgbench --builtin=simple-update -c 8 on the
# same server in the same run (dev.retort.bench.core.PostgresThroughput; see docs/benchmarks.md).
#   STORE=postgresql://user@host:port/db   the server to use (default: the local PostgreSQL 15 cluster, started
#                                          with pg_ctlcluster 15 main start if it is down, as user postgres)
#   N (default 100000) trials, WORKERS (8), PGBENCH_SECONDS (20); SKIP_BUILD=1 reuses the built jars.
# Run it only on an otherwise idle machine: the figures compare rates measured minutes apart.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
N=${N:-100000}
WORKERS=${WORKERS:-8}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
if [ -z "${STORE:-}" ]; then
  if ! pg_isready -q -h localhost -p 5432; then
    echo "== starting the local PostgreSQL 15 cluster (pg_ctlcluster 15 main start)"
    pg_ctlcluster 15 main start
    started_cluster=1
  fi
  STORE="postgresql://postgres@localhost:5432/postgres"
  if [ -z "${PGPASSWORD:-}" ] && [ "$(id -u)" = 0 ]; then
    # local superuser over TCP needs a password on Debian's default pg_hba: set a throwaway one for this run
    export PGPASSWORD="bench-$$-$RANDOM"
    su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '$PGPASSWORD'\""
  fi
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (mvn -q -o -DskipTests package -pl retort-bench,retort-cli -am), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  mvn -q -o -DskipTests package -pl retort-bench,retort-cli -am >/dev/null
fi
work="$(mktemp -d /tmp/retort-bench-pg.XXXXXX)"
cleanup() {
  rm -rf "$work"
  if [ "${started_cluster:-0}" = 1 ]; then pg_ctlcluster 15 main stop; fi
}
trap cleanup EXIT
cp retort-bench/target/retort-bench.jar "$work/bench.jar"
cp retort-cli/target/retort.jar "$work/retort.jar"
echo "== machine"
echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
psql "$(echo "$STORE" | sed 's/^postgresql:/postgres:/')" -Atc 'SELECT version()' 2>/dev/null | head -1 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== PostgreSQL no-op throughput (N=$N, workers=$WORKERS, pgbench ${PGBENCH_SECONDS}s before and after)"
java -Dretort.jar="$work/retort.jar" -cp "$work/bench.jar" dev.retort.bench.core.PostgresThroughput \
    "$STORE" "$N" "$WORKERS" "$PGBENCH_SECONDS"
