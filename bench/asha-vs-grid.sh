#!/usr/bin/env bash
# ASHA vs a full grid on a synthetic multi-fidelity function (docs/benchmarks.md, "Search that learns").
# 81 configs (x1, x2 on a 9 x 9 grid over Branin's domain); a trial at E epochs sleeps 20 ms per epoch and
# returns branin(x1, x2) + 60 (sin(3 x1) + 1) / E, so learning curves cross: a config bad after 1 epoch can be
# the best after 27. The grid runs every config at 27 epochs; ASHA (eta 3, rungs 1, 3, 9, 27) draws the same 81.
# Prints both wall times (2 worker processes), total cost in epochs, and the best config at 27 epochs.
# Usage: bench/asha-vs-grid.sh [WORKDIR]   (needs retort-cli/target/retort.jar and /usr/bin/python3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/retort-cli/target/retort.jar"
dir="${1:-/tmp/retort-asha-vs-grid}"
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
cat > f.sh <<'SH'
awk -v e="$3" 'BEGIN { system("sleep " e * 0.02) }'
awk -v a="$1" -v b="$2" -v e="$3" 'BEGIN { pi = atan2(0, -1); bb = 5.1 / (4 * pi * pi); c = 5 / pi; t = 1 / (8 * pi);
  g = (b - bb * a * a + c * a - 6) ^ 2 + 10 * (1 - t) * cos(a) + 10; slow = 60 * (sin(3 * a) + 1);
  printf "{\"value\": %.10f}\n", g + slow / e }'
SH
common="objective: {command: [sh, $dir/f.sh, '{x1}', '{x2}', '{epochs}']}
space:
  x1: {linspace: [-5, 10, 9]}
  x2: {linspace: [0, 15, 9]}"
printf 'experiment: grid\n%s\n  epochs: [27]\n' "$common" > grid.yaml
printf 'experiment: asha\n%s\n  epochs: [1, 3, 9, 27]\nsearch:\n  asha: {fidelity: epochs, min: 1, max: 27, eta: 3, trials: 81, seed: 1}\n' "$common" > asha.yaml
echo "load before: $(cut -d' ' -f1 /proc/loadavg)"
for p in grid asha; do
  s=$(date +%s.%N); java -jar "$jar" run $p.yaml --dir $p --workers 2 --no-progress > $p.out 2>&1; e=$(date +%s.%N)
  java -jar "$jar" export $p --format json 2>/dev/null | /usr/bin/python3 -c "
import json, sys
t = json.load(sys.stdin)
top = [x for x in t if x['config']['epochs'] == 27]
b = min(top, key=lambda x: x['metric'])
print('%s: wall %.1f s, %d trials, cost %d epochs, best at 27 epochs x1=%s x2=%s value %.4f (%d configs reached 27)' % (
    '$p', $e - $s, len(t), sum(x['config']['epochs'] for x in t), b['config']['x1'], b['config']['x2'], b['metric'], len(top)))"
done
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
