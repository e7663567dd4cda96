#!/usr/bin/env bash
# Reruns (issue 8), two figures in one invocation:
#  1. time: `retort run examples/recsys-quickstart.yaml` against `retort rerun` of its manifest, each into a fresh
#     directory, alternating, PAIRS pairs (default 3); the ratio of the medians (target: rerun within 10%).
#  2. across JVMs: the recommender quick start and the quick start recorded on this JDK (`java` on PATH) are rerun
#     from their manifests with JDK2 (default /usr/lib/jvm/temurin-25-jdk-amd64) and compared bit for bit.
# SKIP_BUILD=1 reuses the built jar. WORKERS (default 2). Not part of ./test.sh: a fresh machine may have one JDK.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
PAIRS=${PAIRS:-3}
WORKERS=${WORKERS:-2}
JDK2=${JDK2:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -o -DskipTests package -pl retort-cli -am >/dev/null 2>&1 || mvn -q -DskipTests package -pl retort-cli -am
fi
jar="$root/retort-cli/target/retort.jar"
work="$(mktemp -d /tmp/retort-rerun-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "== $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" run examples/recsys-quickstart.yaml --dir "$work/warm" --workers "$WORKERS" --no-progress --top 1 >/dev/null 2>&1 # datasets into the data cache
: > "$work/run.ms"; : > "$work/rerun.ms"
for i in $(seq 1 "$PAIRS"); do
  t0=$(ms); java -jar "$jar" run examples/recsys-quickstart.yaml --dir "$work/orig-$i" --workers "$WORKERS" --no-progress --top 1 >/dev/null 2>&1; t1=$(ms)
  echo $((t1 - t0)) >> "$work/run.ms"
  t0=$(ms); java -jar "$jar" rerun "$work/warm/manifest.json" --dir "$work/again-$i" --workers "$WORKERS" --top 1 > "$work/rerun-$i.out" 2>&1 || { cat "$work/rerun-$i.out"; exit 1; }; t1=$(ms)
  echo $((t1 - t0)) >> "$work/rerun.ms"
  echo "pair $i: run $(tail -1 "$work/run.ms") ms, rerun $(tail -1 "$work/rerun.ms") ms ($(grep -o 'identical: [0-9]* trials' "$work/rerun-$i.out"))"
  rm -rf "$work/orig-$i" "$work/again-$i"
done
r=$(median < "$work/run.ms"); rr=$(median < "$work/rerun.ms")
load=$(cut -d' ' -f1 /proc/loadavg)
ratio=$(awk -v a="$rr" -v b="$r" 'BEGIN {printf "%.3f", a / b}')
verdict=$(awk -v x="$ratio" 'BEGIN {print (x <= 1.10 ? "PASS" : "FAIL")}')
echo "SUMMARY|rerun of the recommender quick start vs its run ($WORKERS workers, median of $PAIRS)|$rr ms vs $r ms|<= 1.10x|$verdict|$ratio|$load"

echo "== across JVMs: recorded on $(java -version 2>&1 | head -1), rerun on $("$JDK2/bin/java" -version 2>&1 | head -1)"
java -jar "$jar" run examples/quickstart.yaml --dir "$work/quick" --workers "$WORKERS" --no-progress --top 1 >/dev/null 2>&1
for exp in warm quick; do
  set +e
  "$JDK2/bin/java" -jar "$jar" rerun "$work/$exp/manifest.json" --dir "$work/jdk2-$exp" --workers "$WORKERS" --top 1 > "$work/jdk2-$exp.out" 2>&1
  code=$?
  set -e
  verdict=$([ $code = 0 ] && echo PASS || echo FAIL)
  echo "$exp: exit $code: $(grep -E '^(identical|different)' "$work/jdk2-$exp.out" | head -1)"
  [ $code = 0 ] || tail -20 "$work/jdk2-$exp.out"
  echo "SUMMARY|rerun on JDK 25 of $exp recorded on JDK 17|exit $code|bit-identical (exit 0)|$verdict|-|$(cut -d' ' -f1 /proc/loadavg)"
done
