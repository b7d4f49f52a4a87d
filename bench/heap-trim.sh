#!/usr/bin/env bash
# What handing the native heap's free pages back (malloc_trim) costs a training run, alternating, on one template.
#
# bench/heap-trim.sh [TEMPLATE] [STEPS] [ROUNDS]   (defaults: transformer-reverse 3000 3)
#   Each round trains TEMPLATE for STEPS steps three times: with the launcher's trim once a minute
#   (the default), with a trim every second (sixty times as many: an upper bound on the cost) and without trimming
#   (-Dtensorloom.heapTrimSeconds=0). Prints wall-clock seconds and peak resident memory (VmHWM, /usr/bin/time -v)
#   of each run, then the medians and their ratios against "never". Run it on a quiet machine: the runs of a round
#   must see the same load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="${1:-transformer-reverse}"
STEPS="${2:-3000}"
ROUNDS="${3:-3}"
if [[ ! -x /usr/bin/time ]]; then
  echo "heap-trim: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Build first, if the sources changed, so no run below pays for it.
"$ROOT/tensorloom" info > /dev/null

# Prints "seconds peak_kib" of one training run with the given trim interval (empty: the default).
measure() {
  local start end opts=()
  [[ -n "$1" ]] && opts=(TENSORLOOM_JVM_OPTS="-Dtensorloom.heapTrimSeconds=$1")
  start=$(date +%s.%N)
  env "${opts[@]}" /usr/bin/time -v -o "$TMP/time" "$ROOT/tensorloom" train --template "$TEMPLATE" --steps "$STEPS" \
    > /dev/null 2> "$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}') $(awk '/Maximum resident/ {print $NF}' "$TMP/time")"
}

echo "# heap-trim: $TEMPLATE, $STEPS steps, $ROUNDS rounds; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc --all) CPUs," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# round trim seconds peak_mib"
for r in $(seq 1 "$ROUNDS"); do
  for mode in 60s 1s never; do
    case "$mode" in 60s) arg="" ;; 1s) arg=1 ;; never) arg=0 ;; esac
    read -r s k <<< "$(measure "$arg")"
    echo "$r $mode $s $((k / 1024))" | tee -a "$TMP/rows"
  done
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for col in 3 4; do
  for mode in 60s 1s never; do
    echo "$mode $(awk -v m="$mode" -v c="$col" '$2 == m {print $c}' "$TMP/rows" | median)"
  done > "$TMP/med$col"
done
awk 'FNR == NR {s[$1] = $2; next} {m[$1] = $2} END {
  printf "median wall clock: every 60 s %.1f s, every 1 s %.1f s, never %.1f s; ratios %.3f and %.3f\n",
    s["60s"], s["1s"], s["never"], s["60s"] / s["never"], s["1s"] / s["never"]
  printf "median peak RSS:   every 60 s %d MiB, every 1 s %d MiB, never %d MiB\n", m["60s"], m["1s"], m["never"] }' \
  "$TMP/med3" "$TMP/med4"
