#!/usr/bin/env bash
# A throwaway PostgreSQL server for the benchmarks, from the machine's PostgreSQL install (default settings,
# as the issue asks: "local server, default settings"), trust authentication on 127.0.0.1 only.
#   bench/pg-server.sh start DIR [PORT]   # initdb DIR if new, start on PORT (default 55432), create database bench
#   bench/pg-server.sh stop DIR
# Runs the server as user postgres when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data directory}; port=${3:-55432}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/initdb" ] || { echo "pg-server: no PostgreSQL binaries (set PG_BIN, or apt-get install postgresql)" >&2; exit 2; }
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
case "$cmd" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      "${as[@]}" "$bin/initdb" -D "$dir" -A trust -U retort >/dev/null
    fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir" start >/dev/null
    "${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U retort -d postgres -qAtc \
        "SELECT 1 FROM pg_database WHERE datname = 'bench'" | grep -q 1 \
      || "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U retort bench
    echo "postgresql://retort@127.0.0.1:$port/bench"
    ;;
  stop)
    "${as[@]}" "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  *) echo "pg-server: unknown command '$cmd'; allowed: start, stop" >&2; exit 2 ;;
esac
