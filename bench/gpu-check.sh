#!/usr/bin/env bash
# GPU check of the PyTorch engine, one line per check, in well under 5 minutes on one GPU:
#   1. transformer-reverse trains 200 steps with --device cuda (loss, held-out token accuracy, wall clock);
#   2. deep-chain's peak device memory in one training step, checkpointing none against sqrt, read from
#      torch.cuda.memory_allocated / max_memory_allocated by the package's own memory meter.
#
# The GPU machine needs Python with torch (and safetensors) but no Java: export the packages on any machine
# with the studio, carry the folder over, and run the checks there.
#
#   bench/gpu-check.sh --export DIR     # on a machine with the studio: writes DIR/transformer-reverse, DIR/deep-chain
#   bench/gpu-check.sh DIR              # on the GPU machine (python3 on the PATH, or PYTHON=...)
#   DEVICE=cpu bench/gpu-check.sh DIR   # the same checks on the CPU, to try the script without a GPU
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DEVICE="${DEVICE:-cuda}"

if [[ "${1:-}" == "--export" ]]; then
  OUT="${2:?usage: bench/gpu-check.sh --export DIR}"
  mkdir -p "$OUT"
  "$ROOT/tensorloom" export --template transformer-reverse --format pytorch --out "$OUT/transformer-reverse" \
    --steps 200 --force
  # sqrt plans checkpoint segments over the 64 blocks; --checkpoint none in train.py turns them off again.
  "$ROOT/tensorloom" export --template deep-chain --format pytorch --out "$OUT/deep-chain" --steps 2 \
    --checkpoint sqrt --force
  echo "packages in $OUT: carry the folder to the GPU machine and run bench/gpu-check.sh $OUT there"
  exit 0
fi

DIR="${1:?usage: bench/gpu-check.sh DIR (packages written by bench/gpu-check.sh --export DIR)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" - "$DEVICE" <<'EOF'
import sys, torch
device = sys.argv[1]
if device.startswith("cuda") and not torch.cuda.is_available():
    sys.exit("gpu-check: torch " + torch.__version__ + " sees no CUDA device (DEVICE=cpu runs the checks on the CPU)")
name = torch.cuda.get_device_name(0) if device.startswith("cuda") else "cpu"
print(f"device: {name}, torch {torch.__version__}")
EOF

start=$(date +%s.%N)
"$PYTHON" "$DIR/transformer-reverse/train.py" --device "$DEVICE" --steps 200 \
  --metrics-out "$WORK/transformer.json" > "$WORK/transformer.log"
"$PYTHON" - "$WORK/transformer.json" "$start" <<'EOF'
import json, sys, time
m = json.load(open(sys.argv[1]))
evaluation = m.get("finalEvaluation", {})
print(f"transformer-reverse, 200 steps on {m['device']}: final loss {m['loss'][-1]:.4f}, held-out token accuracy "
      f"{evaluation.get('token_accuracy', float('nan')):.4f}, {time.time() - float(sys.argv[2]):.1f} s wall clock "
      f"(training {m['elapsedSeconds']:.1f} s)")
EOF

for policy in none planned; do
  "$PYTHON" "$DIR/deep-chain/train.py" --device "$DEVICE" --steps 2 --events --memory-step 2 \
    --checkpoint "$policy" > "$WORK/deep-chain-$policy.events"
done
"$PYTHON" - "$WORK/deep-chain-none.events" "$WORK/deep-chain-planned.events" <<'EOF'
import json, sys

def memory(path):
    for line in open(path):
        event = json.loads(line)
        if event.get("type") == "memory":
            return event
    sys.exit(f"gpu-check: no memory event in {path}")

none, sqrt = memory(sys.argv[1]), memory(sys.argv[2])
mib = 1024 * 1024
above = lambda e: (e["peakBytes"] - e["baselineBytes"]) / mib
saved = lambda e: sum(e["savedBytes"].values()) / mib
print(f"deep-chain, one training step on {none['device']} ({none['source']}): peak above the step's start "
      f"{above(none):.1f} MiB without checkpointing, {above(sqrt):.1f} MiB with sqrt "
      f"({above(sqrt) / above(none):.2f}x); saved for backward {saved(none):.1f} MiB against {saved(sqrt):.1f} MiB")
EOF
