#!/usr/bin/env bash
# Examples/s of the node-by-node executor vs DJL's Trainer on the same model; args: [project] [steps] [warm-up] [rounds]
# (oneDNN capped at AVX: its AVX2/AVX-512 kernels gave wrong gradients on the machine this was written on)
cd "$(dirname "$0")/.." && mvn -B -q -o -pl execution -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null && ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX}" java -Dai.djl.offline=true -cp "execution/target/test-classes:execution/target/classes:graph-editor/graph-model/target/classes:$(cat execution/target/bench-classpath.txt)" dev.tensorloom.execution.bench.ExecutorVsDjlTrainerBenchmark "$@"
