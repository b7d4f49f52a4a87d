#!/usr/bin/env bash
# Trains every gallery template with its defaults on a seed given here, plus the baselines some cards compare
# with (bench/baselines), and prints each card's metric against its target (bench/acceptance-targets.tsv).
# Usage: bench/acceptance.sh SEED [OUT_DIR]      (default OUT_DIR: bench/out/acceptance-SEED)
# Pick a seed the templates were never tuned on (they were tuned on their project seed, 42 or 7). A run that
# finished is kept: run the script again to finish an interrupted one; delete OUT_DIR to start over.
# TENSORLOOM names the launcher (default: ./tensorloom of this checkout); ACCEPTANCE_COMMIT the commit it was built
# from, when that is not this checkout's HEAD. On a machine shared with other jobs,
# OMP_NUM_THREADS=1 keeps libtorch's threads from waiting on each other (bench/gallery-acceptance.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: bench/acceptance.sh SEED [OUT_DIR]" >&2
  exit 2
fi
SEED="$1"
OUT="${2:-$ROOT/bench/out/acceptance-$SEED}"
TENSORLOOM="${TENSORLOOM:-$ROOT/tensorloom}"
mkdir -p "$OUT"
"$TENSORLOOM" templates >/dev/null   # builds the application once, before anything is timed

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: ${ACCEPTANCE_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
  echo "machine: $(nproc --all) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "OMP_NUM_THREADS: ${OMP_NUM_THREADS:-unset}"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"

# train NAME SOURCE...: one run, its metrics file, wall and CPU seconds; skipped when it finished before
train() {
  local name="$1"
  shift
  if [[ -s "$OUT/$name.json" ]]; then
    return
  fi
  echo "== $name (seed $SEED, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  /usr/bin/time -f "%e %U %S" -o "$OUT/$name.time" \
    "$TENSORLOOM" train "$@" --seed "$SEED" --metrics-out "$OUT/$name.json" > "$OUT/$name.log" 2> "$OUT/$name.err" \
    || { echo "   $name failed: see $OUT/$name.err" >&2; return 0; }
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/$name.log"
}

for id in $("$TENSORLOOM" templates --json | python3 -c 'import json,sys; print(" ".join(t["id"] for t in json.load(sys.stdin)))'); do
  train "$id" --template "$id"
done
for file in "$ROOT"/bench/baselines/*.tlm; do
  train "$(basename "$file" .tlm)" "$file"
done
if [[ ! -s "$OUT/deep-chain.memory.json" ]]; then
  echo "== deep-chain memory, none vs sqrt" >&2
  "$TENSORLOOM" memory --template deep-chain --checkpoint sqrt --json > "$OUT/deep-chain.memory.json" \
    2> "$OUT/deep-chain.memory.err" || echo "   memory failed: see $OUT/deep-chain.memory.err" >&2
fi
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
python3 "$ROOT/bench/acceptance-report.py" "$OUT" "$ROOT/bench/acceptance-targets.tsv" "$SEED"
