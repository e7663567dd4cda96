#!/usr/bin/env bash
# ASHA vs a full grid on a recommender plan (docs/benchmarks.md, "Search that learns"): BPR on a synthetic
# MovieLens-1M shape (6,040 users, 3,706 items, 1,000,209 interactions), 27 configs (factors x learning_rate x
# reg), leave-one-out by time, NDCG@10. The grid fits every config at 27 epochs; ASHA (eta 3, rungs 1, 3, 9, 27,
# epochs as the fidelity) and Hyperband (its brackets, same keys) draw the same 27 configs, and each rung
# continues the lower rung's saved model.
# Prints both wall times (2 worker processes), total cost in epochs, and the best config at 27 epochs.
# Usage: bench/asha-vs-grid-rec.sh [WORKDIR]   (needs retort-cli/target/retort.jar and /usr/bin/python3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/retort-cli/target/retort.jar"
dir="${1:-/tmp/retort-asha-vs-grid-rec}"
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
common="datasets:
  - name: ml1m-shape
    source: {synthetic: {users: 6040, items: 3706, interactions: 1000209, seed: 1, timestamps: true}}
    split: {leave_one_out: {by: time}}
metrics: [ndcg@10]"
algo='factors: [16, 32, 64], learning_rate: [0.01, 0.03, 0.1], reg: [0.001, 0.01, 0.1], seed: 3'
printf 'experiment: grid\n%s\nalgorithms:\n  BPR: {%s, epochs: 27}\n' "$common" "$algo" > grid.yaml
printf 'experiment: asha\n%s\nalgorithms:\n  BPR: {%s, epochs: 27}\nsearch:\n  asha: {fidelity: epochs, min: 1, max: 27, eta: 3, trials: 27, seed: 1}\n' \
  "$common" "$algo" > asha.yaml
sed 's/experiment: asha/experiment: hyperband/; s/asha: {/hyperband: {/' asha.yaml > hyperband.yaml
echo "load before: $(cut -d' ' -f1 /proc/loadavg)"
for p in grid asha hyperband; do
  s=$(date +%s.%N); java -jar "$jar" run $p.yaml --dir $p --workers 2 --no-progress > $p.out 2>&1; e=$(date +%s.%N)
  java -jar "$jar" export $p --format json 2>/dev/null | /usr/bin/python3 -c "
import json, sys
t = json.load(sys.stdin)
assert all(x['state'] == 'DONE' for x in t), 'a trial did not finish'
top = [x for x in t if x['config']['epochs'] == 27]
b = max(top, key=lambda x: x['metric'])
c = {k: b['config'][k] for k in ('factors', 'learning_rate', 'reg')}
print('%s: wall %.1f s, %d trials, cost %d epochs, fit %.1f s summed, best at 27 epochs %s ndcg@10 %.5f (%d configs reached 27)' % (
    '$p', $e - $s, len(t), sum(x['config']['epochs'] for x in t), sum(x['result']['fit_seconds'] for x in t), c, b['metric'], len(top)))"
done
echo "load after: $(cut -d' ' -f1 /proc/loadavg)"
