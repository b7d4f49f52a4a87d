#!/usr/bin/env bash
# FX pulse gaps while the studio window trains (issue 6: longest gap <= 50 ms), against the idle window
# and against the old thread set-up, alternated in one run. Args: [template] [steps] [batch] [node] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -o -q -pl studio-app -am test-compile >&2
(cd studio-app && mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >&2)
CP="studio-app/target/test-classes:studio-app/target/classes:execution/target/classes:model-templates/target/classes"
CP="$CP:graph-editor/graph-model/target/classes:graph-editor/graph-canvas/target/classes:$(cat studio-app/target/bench.cp)"
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX}"
java -Dai.djl.offline=true -Xss4m ${BENCH_JVM_OPTS:-} -cp "$CP" dev.tensorloom.studio.bench.PulseGapBenchmark "$@" 2>&1 \
  | grep --line-buffered -v -E 'DEBUG|INFO|WARNING: Unsupported JavaFX|PlatformImpl startup'
