#!/usr/bin/env bash
# tensorloom against PyTorch eager on the same models, alternating, in one invocation (issue #18, item 5).
#
# bench/vs-pytorch.sh [--rounds N] [--peak-rounds N] [--peak-batch B] [--chain-batch B] [--chain-steps N]
#                     [--transformer-steps N] [--spp-steps N] [--only peak,chain,transformer,spp] [--python PATH]
#   Defaults: 3 rounds (1 for the activation peaks, a byte count that does not vary with load), peak batch 1024,
#   chain batch 4096 with 2 timed steps, 150 timed transformer steps, 60 spp-detector steps; about 13 minutes
#   on a quiet 2-core machine (most of it tensorloom's held-out evaluation at the end of each train run). Each round runs every comparison once in each engine, tensorloom first in odd
#   rounds and PyTorch first in even ones; one row per run, then one line per comparison: the medians over the
#   rounds and their ratio (tensorloom / PyTorch) against the target of issue #18. MiB = 2^20 bytes.
#
# What runs where (PyTorch: the peer scripts in bench/peers, copied from shared/peers, with the Python that has
# torch: --python, else target/python-venv as the tests create it, else the managed venv):
#   activation peak   tensorloom memory --template deep-chain --batch B --checkpoint sqrt --steps 1 --json
#                     against peer_peak.py none|sqrt 64 256 B SEGMENTS, where SEGMENTS is the number of segments of
#                     the studio's sqrt plan (8 checkpoints + the stored last segment = 9 on deep-chain), so
#                     checkpoint_sequential cuts the chain as often. Both read glibc mallinfo2 above the step's
#                     start between autograd nodes; both run with mmap_threshold=65536 (the peer's condition).
#   RSS, step time    tensorloom train --template deep-chain --batch B --steps N+1 --checkpoint none against
#                     peer_deepchain.py none 64 256 B N (1 warm-up step + N timed): the same 1+N steps, each
#                     engine with its own allocator settings (the launcher's GLIBC_TUNABLES; glibc's defaults
#                     for Python). Peak RSS is VmHWM from /usr/bin/time -v. Step time is the batch over the mean
#                     of the per-step examples/s after the first step (wall clock), the statistic
#                     `tensorloom train --metrics-out` reports and the peer copies print beside their own.
#   transformer       tensorloom train --template transformer-reverse --batch B --steps N+5 against
#                     peer_transformer.py B N (5 untimed warm-up steps, N timed): the same N+5 steps.
#   spp-detector      tensorloom train --template spp-detector --steps N against the package that
#                     `tensorloom export --template spp-detector --format pytorch --steps N` writes, its train.py
#                     run as `train.py --steps N --checkpoint none`: the same model, weights, batches, AdamW,
#                     cosine schedule and clipping, proven equal to the studio (docs/export.md). There is no
#                     hand-written peer for spp-detector; this generated one is plain PyTorch eager.
# Mismatches this script does not remove:
#   - libtorch 2.7.1 (DJL) against the venv's torch (2.13 when this was written).
#   - oneDNN: the launcher caps it at AVX for tensorloom (wrong conv gradients with AVX2/AVX-512 on some CPUs);
#     PyTorch runs uncapped. Export ONEDNN_MAX_CPU_ISA=AVX before running to cap both.
#   - Threads: neither side is told a count except the peers' torch.set_num_threads(2); every line states the
#     intra-op threads each side reported (libtorch's default is the number of cores).
#   - Data: tensorloom draws each batch in the step (deep-chain, transformer) and counts that in the step's
#     time; peer_deepchain.py reuses one fixed batch, peer_transformer.py draws with torch.randint in the step,
#     the exported spp package reads pre-made batches from disk. tensorloom's transformer-reverse scales the
#     embedding by sqrt(d) and follows a cosine schedule with warm-up; the peer does neither (negligible work).
#   - Evaluation: tensorloom evaluates held-out data at the end of every train run (outside the timed steps,
#     inside the process's RSS); the peers do not (the spp package is given an empty held-out file for that).
#   - Warm-up: tensorloom's mean leaves out only step 1; peer_transformer.py leaves out 5 untimed steps.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="$ROOT/bench/peers"

ROUNDS=3 PEAK_ROUNDS=1 PEAK_BATCH=1024 CHAIN_BATCH=4096 CHAIN_STEPS=2 TRANSFORMER_STEPS=150 SPP_STEPS=60
ONLY=peak,chain,transformer,spp PY=""
usage() {
  sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || usage
  case "$1" in
    --rounds) ROUNDS="$2" ;;
    --peak-rounds) PEAK_ROUNDS="$2" ;;
    --peak-batch) PEAK_BATCH="$2" ;;
    --chain-batch) CHAIN_BATCH="$2" ;;
    --chain-steps) CHAIN_STEPS="$2" ;;
    --transformer-steps) TRANSFORMER_STEPS="$2" ;;
    --spp-steps) SPP_STEPS="$2" ;;
    --only) ONLY="$2" ;;
    --python) PY="$2" ;;
    *) usage ;;
  esac
  shift 2
done
for n in "$ROUNDS" "$PEAK_ROUNDS" "$PEAK_BATCH" "$CHAIN_BATCH" "$CHAIN_STEPS" "$TRANSFORMER_STEPS" "$SPP_STEPS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "vs-pytorch: counts and sizes must be whole numbers above 0, got '$n'" >&2; exit 2; }
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }
for part in ${ONLY//,/ }; do
  [[ "$part" =~ ^(peak|chain|transformer|spp)$ ]] || { echo "vs-pytorch: --only takes peak, chain, transformer, spp; got '$part'" >&2; exit 2; }
done

if [[ -z "$PY" ]]; then
  for candidate in "$ROOT/target/python-venv/bin/python" "$HOME/.tensorloom/python/venv/bin/python"; do
    [[ -x "$candidate" ]] && { PY="$candidate"; break; }
  done
fi
if [[ -z "$PY" ]] || ! "$PY" -c 'import torch, safetensors' 2> /dev/null; then
  echo "vs-pytorch: no Python with torch and safetensors (${PY:-none found}); pass --python PATH or run" \
       "'./tensorloom python setup'" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "vs-pytorch: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Build first, if the sources changed, so no run below pays for it.
"$ROOT/tensorloom" templates > /dev/null

fail() { echo "vs-pytorch: $1 failed:" >&2; cat "$TMP/err" >&2; exit 1; }
# A field of a JSON file: json FILE EXPRESSION (d is the parsed object).
json() { "$PY" -c "import json, sys; d = json.load(open(sys.argv[1])); print($2)" "$1"; }
peak_kib() { awk '/Maximum resident/ {print $NF}' "$TMP/time"; }

# The activation peaks of none and the studio's sqrt plan: prints "none_mib sqrt_mib segments".
tl_peaks() {
  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536 MALLOC_MMAP_THRESHOLD_=65536 "$ROOT/tensorloom" memory \
    --template deep-chain --batch "$PEAK_BATCH" --checkpoint sqrt --steps 1 --json > "$TMP/memory.json" 2> "$TMP/err" \
    || fail "tensorloom memory"
  json "$TMP/memory.json" 'round(d["none"]["peakMeasuredBytes"] / 2**20, 2), round(d["checkpointed"]["peakMeasuredBytes"] / 2**20, 2),
    1 + sum(n["treatment"] == "checkpoint" for n in d["nodes"])'
}
# peer_peak.py MODE SEGMENTS: prints MiB.
py_peak() {
  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536 MALLOC_MMAP_THRESHOLD_=65536 "$PY" "$PEERS/peer_peak.py" "$1" 64 256 \
    "$PEAK_BATCH" "$2" > "$TMP/out" 2> "$TMP/err" || fail "peer_peak.py $1"
  sed -n 's/.* MiB=\([0-9.]*\).*/\1/p' "$TMP/out"
}
# tensorloom train TEMPLATE BATCH STEPS: prints "examples_per_s threads peak_kib".
tl_train() {
  /usr/bin/time -v -o "$TMP/time" "$ROOT/tensorloom" train --template "$1" --batch "$2" --steps "$3" --checkpoint none \
    --metrics-out "$TMP/metrics.json" > /dev/null 2> "$TMP/err" || fail "tensorloom train $1"
  echo "$(json "$TMP/metrics.json" 'round(d["examplesPerSecondWallClock"], 2), d["torchThreads"]') $(peak_kib)"
}
# peer_deepchain.py none 64 256 BATCH STEPS: prints "examples_per_s threads peak_kib".
py_chain() {
  /usr/bin/time -v -o "$TMP/time" "$PY" "$PEERS/peer_deepchain.py" none 64 256 "$CHAIN_BATCH" "$CHAIN_STEPS" \
    > "$TMP/out" 2> "$TMP/err" || fail "peer_deepchain.py"
  echo "$(sed -n 's/.*mean_rate_ex_s=\([0-9.]*\) threads=\([0-9]*\).*/\1 \2/p' "$TMP/out") $(peak_kib)"
}
# peer_transformer.py BATCH STEPS: prints "examples_per_s threads".
py_transformer() {
  "$PY" "$PEERS/peer_transformer.py" "$1" "$TRANSFORMER_STEPS" > "$TMP/out" 2> "$TMP/err" || fail "peer_transformer.py"
  sed -n 's/.*mean of step rates \([0-9.]*\) examples\/s, \([0-9]*\) threads.*/\1 \2/p' "$TMP/out"
}
# The exported spp-detector package: prints "examples_per_s threads".
py_spp() {
  "$PY" "$TMP/spp/train.py" --steps "$SPP_STEPS" --checkpoint none --metrics-out "$TMP/spp-metrics.json" \
    > /dev/null 2> "$TMP/err" || fail "exported spp-detector train.py"
  json "$TMP/spp-metrics.json" 'round(d["examplesPerSecondWallClock"], 2), d["torchThreads"]'
}

# One comparison in both engines, in the round's order. row KEY ENGINE VALUES... appends to the table.
row() { echo "$*" | tee -a "$TMP/rows"; }
run_peak() {
  local r=$1 order=$2 out n s seg
  for engine in $order; do
    if [[ $engine == tensorloom ]]; then
      out=$(tl_peaks)
      read -r n s seg <<< "$out"
      echo "$seg" > "$TMP/segments"
      row "$r peak-none tensorloom $n"
      row "$r peak-ckpt tensorloom $s $seg"
    else
      # The segments of the studio's plan: round 1 runs tensorloom first, so they are known here.
      seg=$(cat "$TMP/segments")
      n=$(py_peak none 1)
      s=$(py_peak sqrt "$seg")
      row "$r peak-none pytorch $n"
      row "$r peak-ckpt pytorch $s $seg"
    fi
  done
}
run_chain() {
  local r=$1 order=$2 out rate threads kib
  for engine in $order; do
    if [[ $engine == tensorloom ]]; then
      out=$(tl_train deep-chain "$CHAIN_BATCH" $((CHAIN_STEPS + 1)))
    else
      out=$(py_chain)
    fi
    read -r rate threads kib <<< "$out"
    row "$r chain-rss $engine $((kib / 1024))"
    row "$r chain-rate $engine $rate $threads"
  done
}
run_transformer() {
  local r=$1 order=$2 b out rate threads
  for b in 64 256; do
    for engine in $order; do
      if [[ $engine == tensorloom ]]; then
        out=$(tl_train transformer-reverse "$b" $((TRANSFORMER_STEPS + 5)))
      else
        out=$(py_transformer "$b")
      fi
      read -r rate threads _ <<< "$out"
      row "$r transformer$b $engine $rate $threads"
    done
  done
}
run_spp() {
  local r=$1 order=$2 out rate threads
  for engine in $order; do
    if [[ $engine == tensorloom ]]; then
      out=$(tl_train spp-detector 16 "$SPP_STEPS")
    else
      out=$(py_spp)
    fi
    read -r rate threads _ <<< "$out"
    row "$r spp $engine $rate $threads"
  done
}

if wants spp; then
  # The peer: the studio's own export of the template (same weights, batches, optimizer and schedule). Its
  # held-out file is emptied so train.py skips the final evaluation, which is outside the timed steps anyway.
  "$ROOT/tensorloom" export --template spp-detector --format pytorch --steps "$SPP_STEPS" --out "$TMP/spp" \
    > /dev/null 2> "$TMP/err" || fail "tensorloom export spp-detector"
  "$PY" -c 'import sys; from safetensors.torch import save_file; save_file({}, sys.argv[1])' \
    "$TMP/spp/data/heldout.safetensors"
fi

echo "# vs-pytorch: rounds $ROUNDS (peaks $PEAK_ROUNDS), peak batch $PEAK_BATCH, chain batch $CHAIN_BATCH x $CHAIN_STEPS" \
     "timed steps, transformer $TRANSFORMER_STEPS timed steps, spp $SPP_STEPS steps; $(date -u +%Y-%m-%dT%H:%MZ);" \
     "$(nproc --all) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); torch $("$PY" -c 'import torch; print(torch.__version__)');" \
     "ONEDNN_MAX_CPU_ISA ${ONEDNN_MAX_CPU_ISA:-unset (tensorloom: AVX)}"
echo "# round what engine value [threads or segments]   (peak MiB; rss MiB; rate examples/s, wall clock)"
for r in $(seq 1 "$ROUNDS"); do
  order="tensorloom pytorch"
  (( r % 2 == 0 )) && order="pytorch tensorloom"
  if wants peak && (( r <= PEAK_ROUNDS )); then run_peak "$r" "$order"; fi
  if wants chain; then run_chain "$r" "$order"; fi
  if wants transformer; then run_transformer "$r" "$order"; fi
  if wants spp; then run_spp "$r" "$order"; fi
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# The comparison lines: medians per engine, the ratio tensorloom / PyTorch, and the issue's target.
awk -v pb="$PEAK_BATCH" -v cb="$CHAIN_BATCH" -v cs="$CHAIN_STEPS" -v ts="$TRANSFORMER_STEPS" -v ss="$SPP_STEPS" \
    -v rounds="$ROUNDS" -v prounds="$PEAK_ROUNDS" '
  function median(key, engine,   n, i, j, t, v) {
    n = 0
    for (i = 1; i <= rows; i++) if (k[i] == key && e[i] == engine) v[++n] = x[i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n == 0 ? "" : (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2)
  }
  function extra(key, engine,   i) { for (i = 1; i <= rows; i++) if (k[i] == key && e[i] == engine) return y[i]; return "?" }
  function verdict(ratio, op, target) {
    met = op == "<=" ? ratio <= target : ratio >= target
    return sprintf("target %s %.2f: %s", op == "<=" ? "<=" : ">=", target, met ? "met" : "not met")
  }
  # line KEY TEXT UNIT FORMAT OP TARGET: one comparison, or nothing when the key did not run.
  function line(key, text, unit, fmt, op, target,   a, b) {
    a = median(key, "tensorloom"); b = median(key, "pytorch")
    if (a == "" || b == "") return
    printf "%s: tensorloom " fmt " %s, PyTorch " fmt " %s, ratio %.2f; %s\n", text, a, unit, b, unit, a / b,
      verdict(a / b, op, target)
  }
  { rows++; k[rows] = $2; e[rows] = $3; x[rows] = $4; y[rows] = $5 }
  END {
    pr = sprintf("median of %d round%s", prounds, prounds == 1 ? "" : "s")
    r = sprintf("median of %d round%s", rounds, rounds == 1 ? "" : "s")
    line("peak-none", "deep-chain activation peak, none, batch " pb " (measured: glibc mallinfo2 above the step start, " \
      "MiB = 2^20 bytes; " pr ")", "MiB", "%.1f", "<=", 1.05)
    line("peak-ckpt", "deep-chain activation peak, sqrt at equal segments (" extra("peak-ckpt", "tensorloom") \
      " segments: studio sqrt / checkpoint_sequential), batch " pb " (measured, as above; " pr ")", "MiB", "%.1f", "<=", 1.05)
    line("chain-rss", "deep-chain process peak RSS, none, batch " cb ", " (cs + 1) " steps (measured: VmHWM by " \
      "/usr/bin/time -v, MiB = 2^20 bytes; " r ")", "MiB", "%d", "<=", 1.15)
    a = median("chain-rate", "tensorloom"); b = median("chain-rate", "pytorch")
    if (a != "" && b != "")
      printf "deep-chain step time, none, batch %d (wall clock: batch / mean examples/s of steps 2-%d; %s; threads " \
        "%s vs %s): tensorloom %.2f s, PyTorch %.2f s, ratio %.2f (examples/s ratio %.2f); %s\n", cb, cs + 1, r,
        extra("chain-rate", "tensorloom"), extra("chain-rate", "pytorch"), cb / a, cb / b, b / a, a / b,
        verdict(a / b, ">=", 1.0) " for examples/s"
    for (bs = 64; bs <= 256; bs *= 4)
      line("transformer" bs, "transformer-reverse examples/s, batch " bs " (wall clock, mean of per-step rates after warm-up, " \
        (ts + 5) " steps each; " r "; threads " extra("transformer" bs, "tensorloom") " vs " \
        extra("transformer" bs, "pytorch") ")", "ex/s", "%.0f", ">=", 1.1)
    line("spp", "spp-detector examples/s, batch 16 (wall clock, mean of per-step rates over steps 2-" ss \
      "; PyTorch: the exported package train.py; " r "; threads " extra("spp", "tensorloom") " vs " \
      extra("spp", "pytorch") ")", "ex/s", "%.1f", ">=", 1.0)
  }' "$TMP/rows"
