#!/usr/bin/env bash
# How long the studio takes to put something on screen, as a user sees it: seconds from launching the JVM until
# its window is mapped (the splash), and until the studio is built in it (the title names the project).
#
# bench/first-window.sh [RUNS]   (default 3; needs Xvfb and xdotool; builds the jar first like ./tensorloom)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
"$ROOT/tensorloom" --help > /dev/null 2>&1 || true
DISPLAYNUM=":$((90 + RANDOM % 9))"
Xvfb "$DISPLAYNUM" -screen 0 1600x1000x24 > /dev/null 2>&1 &
XVFB=$!
HOME_DIR="$(mktemp -d)"
trap 'kill $XVFB 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
sleep 1
export DISPLAY="$DISPLAYNUM"
echo "# first-window: $RUNS runs; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc --all) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  java -Dai.djl.offline=true -Dtensorloom.home="$HOME_DIR" -Xss4m \
      -cp "$ROOT/studio-app/target/studio-app.jar:$ROOT/studio-app/target/lib/*" dev.tensorloom.studio.Main \
      > /dev/null 2>&1 &
  PID=$!
  until xdotool search --onlyvisible --name "Tensorloom Studio" > /dev/null 2>&1; do sleep 0.02; done
  shown=$(date +%s.%N)
  until xdotool search --onlyvisible --name " — Tensorloom Studio" > /dev/null 2>&1; do sleep 0.02; done
  built=$(date +%s.%N)
  awk -v s="$start" -v a="$shown" -v b="$built" \
      'BEGIN {printf "run %d: window on screen after %.2f s (wall clock), studio built after %.2f s\n", '"$i"', a - s, b - s}'
  kill "$PID"; wait "$PID" 2>/dev/null || true
  sleep 2
done
