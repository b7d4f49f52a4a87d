#!/usr/bin/env bash
# Acceptance runs of the dit-rectified-flow, pose-rle and face-arcface templates (issue 8).
# Usage: bench/gallery-acceptance.sh [dit|pose|face ...]   (default: all three, one after the other)
# Each runner trains on the fly on synthetic data and prints a line starting with RESULT, with wall and CPU
# seconds: on a loaded machine the CPU seconds estimate the time the run takes alone. On a machine shared with
# other jobs, run with OMP_NUM_THREADS=1: PyTorch's two OpenMP threads otherwise wait for each other at every
# op, and runs were 3-20x slower (pose L1 0.12-0.15 vs 2.5-3 steps/s at load 12-25).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# as the launcher and the tests do: oneDNN's AVX2/AVX-512 kernels give wrong gradients on some CPUs
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX}"
mvn -B -o -q -pl studio-app -am test-compile >&2
(cd studio-app && mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/acceptance.cp >&2)
CP="studio-app/target/test-classes:studio-app/target/classes:execution/target/classes:model-templates/target/classes"
CP="$CP:graph-editor/graph-model/target/classes:$(cat studio-app/target/acceptance.cp)"
run() {
  echo "== $1 (nproc $(nproc --all), load $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "wall %e s" java -Dai.djl.offline=true -cp "$CP" "dev.tensorloom.studio.acceptance.$1" "${@:2}" 2>&1 \
    | grep -v -E 'DEBUG|INFO'
}
for which in "${@:-dit pose face}"; do
  for w in $which; do
    case "$w" in
      dit) run DitRectifiedFlowAcceptance ;;
      pose) run PoseRleAcceptance ;;
      face) run FaceArcfaceAcceptance ;;
      *) echo "unknown run '$w' (dit, pose, face)" >&2; exit 2 ;;
    esac
  done
done
