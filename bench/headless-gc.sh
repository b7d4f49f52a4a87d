#!/usr/bin/env bash
# The launcher's collector for headless commands against the JVM's default, alternating, on one template.
#
# bench/headless-gc.sh [TEMPLATE] [STEPS] [ROUNDS]   (defaults: transformer-reverse 1500 3)
#   Each round trains TEMPLATE for STEPS steps twice: as the launcher starts it (serial collector, small initial
#   heap) and with TENSORLOOM_JVM_OPTS=-XX:+UseG1GC (the JVM's default collector, which the launcher used before).
#   Prints wall-clock seconds and peak resident memory (VmHWM, from /usr/bin/time -v) of each run, then the
#   median of each and their ratios (launcher / G1). Run it on a quiet machine: the two runs of a round must
#   see the same load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="${1:-transformer-reverse}"
STEPS="${2:-1500}"
ROUNDS="${3:-3}"
if [[ ! -x /usr/bin/time ]]; then
  echo "headless-gc: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Prints "seconds peak_kib" of one training run.
measure() {
  local start end
  start=$(date +%s.%N)
  env "$@" /usr/bin/time -v -o "$TMP/time" "$ROOT/tensorloom" train --template "$TEMPLATE" --steps "$STEPS" \
    > /dev/null 2> "$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}') $(awk '/Maximum resident/ {print $NF}' "$TMP/time")"
}

echo "# headless-gc: $TEMPLATE, $STEPS steps, $ROUNDS rounds; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc --all) CPUs," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# round collector seconds peak_mib"
for r in $(seq 1 "$ROUNDS"); do
  read -r s k <<< "$(measure TENSORLOOM_JVM_OPTS=)"
  echo "$r launcher $s $((k / 1024))" | tee -a "$TMP/rows"
  read -r s k <<< "$(measure TENSORLOOM_JVM_OPTS=-XX:+UseG1GC)"
  echo "$r g1 $s $((k / 1024))" | tee -a "$TMP/rows"
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ls=$(awk '$2 == "launcher" {print $3}' "$TMP/rows" | median); gs=$(awk '$2 == "g1" {print $3}' "$TMP/rows" | median)
lm=$(awk '$2 == "launcher" {print $4}' "$TMP/rows" | median); gm=$(awk '$2 == "g1" {print $4}' "$TMP/rows" | median)
awk -v ls="$ls" -v gs="$gs" -v lm="$lm" -v gm="$gm" 'BEGIN {
  printf "median wall clock: launcher %.1f s, G1 %.1f s, ratio %.2f\n", ls, gs, ls / gs
  printf "median peak RSS:   launcher %d MiB, G1 %d MiB, ratio %.2f\n", lm, gm, lm / gm }'
