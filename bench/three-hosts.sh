#!/usr/bin/env bash
# No-op trials/s with three "hosts" (Linux network namespaces, each with its own veth address on a bridge) x
# WORKERS worker processes each, against one PostgreSQL server listening on the bridge: the issue's 3-namespace
# setup, as a figure. Needs root, iproute2 and the machine's PostgreSQL (bench/pg-server.sh).
#   N (default 30000) trials; WORKERS (default 4) per host; SKIP_BUILD=1 reuses the built CLI jar.
# Prints the steady-state rate (DONE / (last finish - first start), read from the store) and the wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
N=${N:-30000}; WORKERS=${WORKERS:-4}; port=55433
[ "$(id -u)" = 0 ] || { echo "three-hosts: network namespaces need root" >&2; exit 2; }
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -o -DskipTests package -pl retort-cli -am >/dev/null
work="$(mktemp -d /tmp/retort-3hosts.XXXXXX)"; chmod 755 "$work"
br=rb3h; net=10.232.7
cleanup() {
  for h in 1 2 3; do ip netns del rn3h_$h 2>/dev/null || true; done
  ip link del $br 2>/dev/null || true
  bench/pg-server.sh stop "$work/pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cleanup_prior() { for h in 1 2 3; do ip netns del rn3h_$h 2>/dev/null || true; done; ip link del $br 2>/dev/null || true; }
cleanup_prior
ip link add $br type bridge && ip addr add $net.1/24 dev $br && ip link set $br up
for h in 1 2 3; do
  ip netns add rn3h_$h
  ip link add rv3h_$h type veth peer name rp3h_$h
  ip link set rp3h_$h netns rn3h_$h
  ip link set rv3h_$h master $br && ip link set rv3h_$h up
  ip -n rn3h_$h addr add $net.$((10 + h))/24 dev rp3h_$h
  ip -n rn3h_$h link set rp3h_$h up && ip -n rn3h_$h link set lo up
done
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$work/pg"; chown postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg" -A trust -U retort >/dev/null
echo "host all all $net.0/24 trust" >> "$work/pg/pg_hba.conf"
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1,$net.1 -k $work/pg" start >/dev/null
url="postgresql://retort@$net.1:$port/postgres?schema=bench"
plan="$work/plan.yaml"
printf 'experiment: three\nobjective: {class: dev.retort.examples.Noop}\nspace: {i: {range: [0, %d]}}\n' "$N" > "$plan"
jar="$root/retort-cli/target/retort.jar"
q() { "$bin/psql" -h 127.0.0.1 -p $port -U retort -d postgres -Atc "$1"; }
java -jar "$jar" run "$plan" --store "$url" --artifacts "$work/art" --register-only >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
pids=()
for h in 1 2 3; do
  for w in $(seq 1 "$WORKERS"); do
    ip netns exec rn3h_$h java -XX:TieredStopAtLevel=1 -jar "$jar" worker --store "$url" --experiment three \
        --artifacts "$work/art" --id "h${h}w$w" > "$work/h${h}w$w.log" 2>&1 &
    pids+=($!)
  done
done
fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done
t1=$(date +%s.%N)
[ "$fail" = 0 ] || { echo "three-hosts: a worker failed:" >&2; tail -5 "$work"/h*.log >&2; exit 1; }
read -r done span < <(q "SELECT count(*), (max(finished_at) - min(started_at)) / 1000.0 FROM bench.trial WHERE state = 'DONE'" | tr '|' ' ')
echo "three hosts x $WORKERS workers, $N no-op trials: $done DONE; steady state $(awk "BEGIN{printf \"%.0f\", $done/$span}") trials/s" \
     "(over $(awk "BEGIN{printf \"%.1f\", $span}") s); wall $(awk "BEGIN{printf \"%.2f\", $t1-$t0}") s with 12 JVM starts; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
