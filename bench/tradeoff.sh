#!/usr/bin/env bash
# The trade-off explorer's predictions against measurement: `tensorloom memory --pareto` predicts every policy on
# one measured profile; then a spread of the frontier (the leanest point, a quarter, half and three quarters of the
# way to none) is measured one policy at a time with `tensorloom memory --checkpoint P`, which times none and P
# alternating in one process (so machine load hits both alike). Prints, per policy, predicted against measured
# peak (MiB) and step time over none's.
# Usage: bench/tradeoff.sh [TEMPLATE] [BATCH] [STEPS]   (defaults: deep-chain 256 5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="${1:-deep-chain}"
BATCH="${2:-256}"
STEPS="${3:-5}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$ROOT/tensorloom" memory --template "$TEMPLATE" --batch "$BATCH" --steps "$STEPS" --pareto --json > "$TMP/pareto.json"
python3 - "$TMP/pareto.json" > "$TMP/picked" <<'PY'
import json, sys
points = json.load(open(sys.argv[1]))["points"]
frontier = [p for p in points if p["onFrontier"]]
picked = []
for at in (0, 0.25, 0.5, 0.75):
    p = frontier[round(at * (len(frontier) - 1))]
    if p not in picked:
        picked.append(p)
for p in picked:
    print(p["policy"], p["predictedPeakBytes"], p["predictedTimeRatio"])
PY

echo "$TEMPLATE, batch $BATCH: predicted on one profile, each policy measured against none in its own run ($STEPS timed steps each)"
printf '%-14s %16s %16s %14s %14s\n' policy "predicted MiB" "measured MiB" "predicted x" "measured x"
while read -r policy peak ratio; do
  "$ROOT/tensorloom" memory --template "$TEMPLATE" --batch "$BATCH" --steps "$STEPS" --checkpoint "$policy" --json \
    > "$TMP/m.json"
  python3 - "$TMP/m.json" "$policy" "$peak" "$ratio" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
measured = m["checkpointed"]["peakMeasuredBytes"]
mib = 1 << 20
print("%-14s %16.2f %16s %14.3f %14.3f" % (sys.argv[2], int(sys.argv[3]) / mib,
      "n/a" if measured is None else "%.2f" % (measured / mib), float(sys.argv[4]), m["ratios"]["time"]))
PY
done < "$TMP/picked"
