#!/usr/bin/env bash
# Two outside views of memory, measured on the process as the system sees it (resident set size).
#
# bench/rss-check.sh [TEMPLATE] [POLICY] [STEPS]   (defaults: deep-chain sqrt 3)
#   Checkpointing: peak RSS (VmHWM) of `tensorloom train` with --checkpoint none and with a policy, against the
#   activation memory `tensorloom memory` says the policy saves. With glibc's mmap threshold at 64 KiB, freed
#   activation buffers go back to the system, so RSS follows what is held.
#
# bench/rss-check.sh creep [TEMPLATE] [STEPS] [WARMUP]   (defaults: transformer-reverse 20000 2000)
#   Creep: RSS of one long `tensorloom train` (the launcher's own malloc settings) sampled at every progress
#   line (about every 5 s), printed as "seconds step rss_kib"; then the least-squares slope of RSS over the
#   steps after WARMUP, in MB per 1,000 steps (target < 0.1: nothing a week-long run would notice).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ "${1:-}" == creep ]]; then
  TEMPLATE="${2:-transformer-reverse}"
  STEPS="${3:-20000}"
  WARMUP="${4:-2000}"
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  mkfifo "$TMP/progress"
  # The command line prints a progress line about every 5 s when stderr is not a terminal.
  "$ROOT/tensorloom" train --template "$TEMPLATE" --steps "$STEPS" 2> "$TMP/progress" > /dev/null &
  PID=$!
  START=$(date +%s.%N)
  echo "# rss-check creep: $TEMPLATE, $STEPS steps, warm-up $WARMUP; $(date -u +%Y-%m-%dT%H:%MZ); $(nproc --all) CPUs," \
       "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# seconds step rss_kib"
  while IFS= read -r line; do
    if [[ "$line" =~ step\ ([0-9]+)/ ]]; then
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" 2>/dev/null || true)
      [[ -n "$rss" ]] && echo "$(awk -v s="$START" -v n="$(date +%s.%N)" 'BEGIN {printf "%.1f", n - s}') ${BASH_REMATCH[1]} $rss"
    fi
  done < "$TMP/progress" | tee "$TMP/samples"
  wait "$PID"
  echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v w="$WARMUP" '$1 !~ /^#/ && $2 >= w { n++; x += $2; y += $3; xx += $2 * $2; xy += $2 * $3 }
    END {
      if (n < 3) { print "rss-check creep: fewer than 3 samples after the warm-up"; exit 2 }
      slope = (n * xy - x * y) / (n * xx - x * x)       # KiB per step
      mb = slope * 1000 * 1024 / 1e6                    # MB (10^6 bytes) per 1,000 steps
      printf "RSS slope after step %d: %.3f MB per 1,000 steps over %d samples (target < 0.1)\n", w, mb, n
      exit !(mb < 0.1)
    }' "$TMP/samples"
  exit $?
fi
TEMPLATE="${1:-deep-chain}"
POLICY="${2:-sqrt}"
STEPS="${3:-3}"
export MALLOC_MMAP_THRESHOLD_=65536
# The launcher's default keeps freed memory in the heap (fast, but RSS then stays at its high-water mark);
# this check needs glibc to hand freed buffers back, so it names its own tunables.
export GLIBC_TUNABLES="glibc.malloc.mmap_threshold=65536"

peak_rss_kib() {
  /usr/bin/time -v "$ROOT/tensorloom" "$@" 2> >(grep "Maximum resident set size" | awk '{print $NF}' > "$TMP/rss") >/dev/null
  wait
  cat "$TMP/rss"
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if [[ ! -x /usr/bin/time ]]; then
  echo "rss-check: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

none_kib=$(peak_rss_kib train --template "$TEMPLATE" --steps "$STEPS" --checkpoint none)
policy_kib=$(peak_rss_kib train --template "$TEMPLATE" --steps "$STEPS" --checkpoint "$POLICY")
saved_bytes=$("$ROOT/tensorloom" memory --template "$TEMPLATE" --checkpoint "$POLICY" --steps 1 \
  | awk -F': ' '/^saved measured bytes/ {print $2}')

rss_saved=$(( (none_kib - policy_kib) * 1024 ))
echo "peak RSS none:          $(( none_kib / 1024 )) MiB"
echo "peak RSS $POLICY:          $(( policy_kib / 1024 )) MiB"
echo "RSS saved:              $(( rss_saved / 1048576 )) MiB"
echo "memory says saved:      $(( saved_bytes / 1048576 )) MiB"
ratio=$(awk -v a="$rss_saved" -v b="$saved_bytes" 'BEGIN { printf "%.3f", a / b }')
echo "RSS saved / reported:   $ratio (target >= 0.70)"
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.70) }'
