#!/usr/bin/env bash
# Whole-run benchmarks of the Retort core engine (see docs/benchmarks.md). Builds, then runs in sequence:
#   1. Throughput    no-op objective, retort run --workers 1 and 4 as processes, plus the bare SQLite loops
#                    (one trial per transaction, and batched by 64 as Retort batches)
#   2. CommandRun    command objective through retort run vs bare process starts
#   3. CommandOverhead  CommandObjective in-process vs bare ProcessBuilder (existing kernel)
#   4. Registration1M   1,000,000-config grid registered in-process with -Xmx512m
#   5. FinishedRun1M    retort run on that experiment once every trial is DONE (5 runs, median)
#   6. FirstTrial1M     retort run on a fresh 1M grid: launch -> first trial started, -> registration complete
#   7. the native sqlite3 floor of registering 1M rows (bench/native-registration-floor.sh), when sqlite3 exists
# and prints a summary table. Sizes can be overridden: N1, N4, NBARE, NCMD, NOVERHEAD, GRID ("a b c"),
# REPEATS; SKIP_BUILD=1 reuses the built jars; PROFILE=1 adds a sampled profile of one in-process worker
# (WorkerProfile, attribution only). Every figure carries the 1-minute load average at the time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
N1=${N1:-50000}
N4=${N4:-100000}
NBARE=${NBARE:-50000}
NCMD=${NCMD:-1000}
NOVERHEAD=${NOVERHEAD:-500}
GRID=${GRID:-"100 100 100"}
REPEATS=${REPEATS:-5}

start=$(date +%s)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (mvn -q -DskipTests install), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  mvn -q -o -DskipTests install >/dev/null 2>&1 || mvn -q -DskipTests install
fi
work="$(mktemp -d /tmp/retort-bench-core.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# Private copies, so a concurrent rebuild cannot change the jars under a running JVM.
cp retort-bench/target/retort-bench.jar "$work/bench.jar"
cp retort-cli/target/retort.jar "$work/retort.jar"
log="$work/log.txt"
bench() { java "$@" 2>&1 | tee -a "$log"; }
# The class-data archive the ./retort launcher makes, trained the same way, for the private jar copy.
java -XX:ArchiveClassesAtExit="$work/retort.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$work/retort.jar" \
    run examples/quickstart.yaml --dir "$work/cds" --threads --no-progress >/dev/null 2>&1 || true
cp_="-Dretort.jar=$work/retort.jar -Dretort.jsa=$work/retort.jsa -cp $work/bench.jar"

echo "== machine"
echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
free -h | sed -n 1,2p
java -version 2>&1 | head -1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. throughput, no-op objective (N1=$N1, N4=$N4, bare loop $NBARE)"
bench $cp_ dev.retort.bench.core.Throughput "$N1" "$N4" "$NBARE"
echo "== 2. command objective, whole run ($NCMD trials)"
bench $cp_ dev.retort.bench.core.CommandRun "$NCMD"
echo "== 3. command objective, in-process overhead ($NOVERHEAD trials)"
bench $cp_ dev.retort.bench.CommandOverhead "$NOVERHEAD"
echo "== 4. registration of a $GRID grid, -Xmx512m"
# shellcheck disable=SC2086
bench -Xmx512m $cp_ dev.retort.bench.core.Registration1M "$work/reg" $GRID
echo "== 5. run on the finished experiment ($REPEATS runs)"
bench $cp_ dev.retort.bench.core.FinishedRun1M "$work/reg" "$REPEATS"
echo "== 6. run on a fresh 1M grid: first trial and registration complete ($REPEATS runs)"
bench $cp_ dev.retort.bench.core.FirstTrial1M "$work/first" "$REPEATS"
echo "== 7. native floor of the registration (sqlite3 shell; V1 row with its hash index built after the load)"
if command -v sqlite3 >/dev/null; then bench/native-registration-floor.sh retort-core/src/main/resources/dev/retort/store/sqlite/V1__schema.sql | tee -a "$log"; fi
if [ "${PROFILE:-0}" = 1 ]; then
  echo "== 8. profile of one in-process worker (attribution only)"
  bench $cp_ dev.retort.bench.core.WorkerProfile 30000
fi

echo
echo "== summary ($(( $(date +%s) - start )) s in all; load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
grep '^SUMMARY|' "$log" | awk -F'|' '
  BEGIN { printf "%-62s %-52s %-12s %-6s %-15s %s\n", "figure", "measured", "target", "pass", "vs bare / batched", "load" }
  { printf "%-62s %-52s %-12s %-6s %-15s %s\n", $2, $3, $4, $5, $6, $7 }'
echo "CommandOverhead (in-process CommandObjective vs bare ProcessBuilder, same program):"
grep -E '^(echo JSON|true) ' "$log" | sed 's/^/  /'
