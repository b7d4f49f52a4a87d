#!/usr/bin/env bash
# How long the studio takes to put something on screen, as a user sees it: seconds from launching the JVM until
# its window is mapped, until the splash is drawn in it (the studio says when, with -Dtensorloom.startupTrace=true),
# and until the studio is built in it (the title names the project). Wall clock; the JVM options are the
# launcher's for the studio.
#
# bench/first-window.sh [RUNS] [OTHER_CHECKOUT]   (default 3; needs Xvfb and xdotool; builds the jar first like
#   ./tensorloom). With OTHER_CHECKOUT (a built checkout of another revision), runs alternate between the two.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
OTHER="${2:-}"
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
  for checkout in "$ROOT" ${OTHER:+"$OTHER"}; do
    rm -f "$HOME_DIR/err"
    start=$(date +%s.%N)
    java -Dai.djl.offline=true -Dtensorloom.home="$HOME_DIR" -Dtensorloom.startupTrace=true -Xss4m \
        -cp "$checkout/studio-app/target/studio-app.jar:$checkout/studio-app/target/lib/*" dev.tensorloom.studio.Main \
        > /dev/null 2> "$HOME_DIR/err" &
    PID=$!
    until xdotool search --onlyvisible --name "Tensorloom Studio" > /dev/null 2>&1; do sleep 0.02; done
    shown=$(date +%s.%N)
    until xdotool search --onlyvisible --name " — Tensorloom Studio" > /dev/null 2>&1; do sleep 0.02; done
    built=$(date +%s.%N)
    drawn=$(awk '/splash drawn at/ {printf "%.3f", $NF / 1000}' "$HOME_DIR/err")
    awk -v s="$start" -v a="$shown" -v d="${drawn:-0}" -v b="$built" -v c="$checkout" \
        'BEGIN {printf "run %d %s: window on screen after %.2f s, splash drawn after %s, studio built after %.2f s\n",
                '"$i"', c, a - s, (d > 0 ? sprintf("%.2f s", d - s) : "(not reported)"), b - s}'
    kill "$PID"; wait "$PID" 2>/dev/null || true
    sleep 2
  done
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
