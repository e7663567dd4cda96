#!/usr/bin/env bash
# What the manifest costs a run (issue 8): dev.retort.bench.core.ManifestCapture, with a Retort jar built from
# the commit before manifests existed as the baseline of whole runs (built once into $BASELINE, a git worktree).
#   MB (default 10) of capture: files, REPS (11); SKIP_BUILD=1 reuses the built jars.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
MB=${MB:-10}
REPS=${REPS:-11}
BEFORE=${BEFORE:-84a03ed}   # main just before the manifest branch was merged
BASELINE=${BASELINE:-/tmp/retort-baseline-$BEFORE}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -o -DskipTests package >/dev/null 2>&1 || mvn -q -DskipTests package
fi
if [ ! -f "$BASELINE/retort-cli/target/retort.jar" ]; then
  [ -d "$BASELINE" ] || git worktree add -q --detach "$BASELINE" "$BEFORE"
  (cd "$BASELINE" && { mvn -q -o -DskipTests package -pl retort-cli -am >/dev/null 2>&1 || mvn -q -DskipTests package -pl retort-cli -am; })
fi
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dretort.jar=retort-cli/target/retort.jar -Dretort.baseline.jar="$BASELINE/retort-cli/target/retort.jar" \
  -cp retort-bench/target/retort-bench.jar dev.retort.bench.core.ManifestCapture "$MB" "$REPS"
