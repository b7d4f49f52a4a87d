#!/usr/bin/env bash
# The managed Python environment: `tensorloom python setup` into a new folder next to the by-hand baseline
# (`python3 -m venv` + `pip install -r` of the same requirements.txt), alternating, then the no-op call on the
# finished venv next to pip's own `pip install -r` on it. Wall clock, pip as this machine configures it.
# args: [rounds] (default 1; each round makes two venvs of about 1 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-1}
REQ=execution/src/main/resources/dev/tensorloom/python/requirements.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./tensorloom --version >/dev/null # builds the jar first when needed, outside the timings

# Prints the wall-clock seconds of a command; its output goes to $WORK/last.log.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }'
}

by_hand() { python3 -m venv "$1" && "$1/bin/pip" install -q -r "$REQ"; }

echo "round | by hand: venv + pip install -r (s) | tensorloom python setup (s) | ratio"
for r in $(seq "$ROUNDS"); do
  if (( r % 2 )); then
    hand=$(seconds by_hand "$WORK/hand$r"); ours=$(seconds ./tensorloom python setup --dir "$WORK/ours$r")
  else
    ours=$(seconds ./tensorloom python setup --dir "$WORK/ours$r"); hand=$(seconds by_hand "$WORK/hand$r")
  fi
  echo "$r | $hand | $ours | $(awk -v a="$ours" -v b="$hand" 'BEGIN { printf "%.2f", a / b }')"
  last=$r
done

echo
echo "no-op, on the finished venv | pip install -r (s) | tensorloom python setup, JVM start included (s) | ratio"
for i in 1 2 3; do
  pipnoop=$(seconds "$WORK/ours$last/bin/pip" install -q -r "$REQ")
  oursnoop=$(seconds ./tensorloom python setup --dir "$WORK/ours$last")
  echo "$i | $pipnoop | $oursnoop | $(awk -v a="$oursnoop" -v b="$pipnoop" 'BEGIN { printf "%.2f", a / b }')"
done
