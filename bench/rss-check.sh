#!/usr/bin/env bash
# Outside view of checkpointing: peak RSS (VmHWM) of `tensorloom train` with --checkpoint none and with a
# policy, against the activation memory `tensorloom memory` says the policy saves. With glibc's mmap
# threshold at 64 KiB, freed activation buffers go back to the system, so RSS follows what is held.
# Usage: bench/rss-check.sh [TEMPLATE] [POLICY] [STEPS]   (defaults: deep-chain sqrt 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
