package dev.tensorloom.studio.acceptance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training-step time of {@code dit-rectified-flow} and of variants of it: arguments are the number of timed
 * steps, the batch size, then {@code node.param=value} overrides (a {@code *} node applies to every node that has
 * the parameter, e.g. {@code *.d_model=96}). Prints wall and calling-thread CPU milliseconds per step after 5
 * warm-up steps, then
 * the same for evaluation passes and optimiser-free training passes; run with {@code OMP_NUM_THREADS=1} so thread CPU time is the step's whole cost. Not a test.
 */
public final class DitStepBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DitStepBench() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        Document doc = TemplateRun.template("dit-rectified-flow");
        for (String override : Arrays.copyOfRange(args, 2, args.length)) {
            apply(doc, override);
        }
        try (TemplateRun run = new TemplateRun(doc, steps + 5)) {
            for (int i = 0; i < 5; i++) {
                run.step(batch);
            }
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < steps; i++) {
                run.step(batch);
            }
            double wallMs = (System.nanoTime() - wall) / 1e6 / steps;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / steps;
            double[] parts = passes(run, batch, steps);
            System.out.printf("BENCH %s batch %d: wall %.1f ms/step, thread cpu %.1f ms/step (forward %.1f, forward and "
                    + "backward %.1f), load %s%n", String.join(" ", Arrays.copyOfRange(args, 2, args.length)), batch,
                    wallMs, cpuMs, parts[0], parts[1], TemplateRun.load());
        }
    }

    /** Thread CPU ms of an evaluation pass and of a training pass without the optimiser, same batches. */
    private static double[] passes(TemplateRun run, int batch, int steps) {
        Executor executor = new Executor(run.plan(), run.store(), 1);
        ArrayBatchSource source = new ArrayBatchSource(DatasetRegistry.standard().open("shapes16", 3));
        double[] ms = new double[2];
        Map<String, Double> perNode = new LinkedHashMap<>();
        long[] last = new long[1];
        ExecutorListener timer = action -> {
            long now = THREADS.getCurrentThreadCpuTime();
            perNode.merge(action.kind() + " " + action.nodeId(), (now - last[0]) / 1e6 / steps, Double::sum);
            last[0] = now;
        };
        try (NDManager m = NDManager.newBaseManager()) {
            for (int i = 0; i < steps; i++) {
                try (NDManager s = m.newSubManager()) {
                    Map<String, NDArray> arrays = source.next(s, batch);
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    executor.evaluate(arrays, ForwardObserver.NONE);
                    long t1 = THREADS.getCurrentThreadCpuTime();
                    last[0] = t1;
                    executor.train(arrays, i, ActivationSchedule.NONE, timer, ForwardObserver.NONE);
                    long t2 = THREADS.getCurrentThreadCpuTime();
                    ms[0] += (t1 - t0) / 1e6 / steps;
                    ms[1] += (t2 - t1) / 1e6 / steps;
                }
            }
        }
        executor.close();
        perNode.forEach((k, v) -> System.out.printf("  %-28s %6.2f ms%n", k, v));
        return ms;
    }

    private static void apply(Document doc, String override) {
        String[] kv = override.split("=", 2);
        String node = kv[0].substring(0, kv[0].indexOf('.'));
        String param = kv[0].substring(kv[0].indexOf('.') + 1);
        for (Node n : doc.nodes().toArray(Node[]::new)) {
            if ((node.equals("*") && n.params().containsKey(param)) || n.id().equals(node)) {
                Map<String, Object> params = new LinkedHashMap<>(n.params());
                params.put(param, parse(kv[1]));
                doc.replaceNode(new Node(n.id(), n.type(), n.label(), params, n.position(), n.group()));
            }
        }
    }

    private static Object parse(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return Long.parseLong(value);
    }
}
