#!/usr/bin/env bash
# The peers of the PostgreSQL throughput figure, against one server, in one invocation:
#   pgbench --builtin=simple-update -c 8 (transactions/s) and Optuna's RDB storage with 8 processes (trials/s).
#   bench/postgres-peers.sh URL [SECONDS] [OPTUNA_TRIALS]
# URL is postgresql://user@host:port/db (bench/pg-server.sh start prints one). Needs pgbench (PostgreSQL's
# client programs) and Debian's python3-optuna and python3-psycopg2 for /usr/bin/python3.
set -euo pipefail
url=${1:?postgresql://user@host:port/db}; secs=${2:-15}; ntrials=${3:-2000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
"$bin/pgbench" -i -q -s 8 "$url" >/dev/null 2>&1
out=$("$bin/pgbench" --builtin=simple-update -c 8 -j 2 -T "$secs" "$url" 2>/dev/null)
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -1)
load=$(cut -d' ' -f1 /proc/loadavg)
echo "pgbench --builtin=simple-update -c 8 -j 2 -T $secs: $tps transactions/s, load $load"
echo "SUMMARY|pgbench simple-update, 8 clients (peer)|$tps tx/s|-|-|1.00|$load"
/usr/bin/python3 "$here/optuna_peer.py" "${url/postgresql:/postgresql+psycopg2:}" 8 "$ntrials"
