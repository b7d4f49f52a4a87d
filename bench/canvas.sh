#!/usr/bin/env bash
# The canvas at scale: open, ELK layout (cold in fresh JVMs and warm), pan and zoom frame times against the
# issue's targets, each next to a baseline measured in the same run; args: [nodes] (default 5000);
# CANVAS_BENCH_PNG=DIR also writes the fitted overview and a zoomed one (while zooming and settled) as PNGs
cd "$(dirname "$0")/.." && mvn -B -q -o -pl graph-editor/graph-canvas -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null && java -Xss4m ${CANVAS_BENCH_PNG:+-Dcanvas.bench.png=$CANVAS_BENCH_PNG} -Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dmonocle.platform=Headless -Dglass.platform=Monocle -cp "graph-editor/graph-canvas/target/test-classes:graph-editor/graph-canvas/target/classes:graph-editor/graph-model/target/classes:$(cat graph-editor/graph-canvas/target/bench-classpath.txt)" dev.tensorloom.canvas.CanvasBenchmark "$@"
