package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test helpers: copies of parameter gradients, and a reference backward over the whole graph at once. */
final class GradientProbe {
    private GradientProbe() {
    }

    static Map<String, float[]> gradients(ParameterStore store) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager tmp = NDManager.newBaseManager()) {
            for (Map.Entry<String, NDArray> e : store.parameters()) {
                out.put(e.getKey(), ParameterStore.gradient(e.getValue(), tmp).toFloatArray());
            }
        }
        return out;
    }

    /** Runs every op in one autograd graph under DJL's GradientCollector and returns the total loss. */
    static double wholeGraphBackward(Plan plan, ParameterStore store, Map<String, NDArray> batch) {
        try (NDManager m = NDManager.newBaseManager(plan.device());
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList[] outs = new NDList[plan.size()];
            NDArray total = null;
            for (Step s : plan.steps()) {
                if (s.isSource()) {
                    outs[s.index()] = new NDList(batch.get(s.field()));
                    continue;
                }
                NDList inputs = new NDList();
                for (Optional<InputRef> ref : s.inputs()) {
                    inputs.add(ref.map(r -> outs[r.step()].get(r.output())).orElse(null));
                }
                outs[s.index()] = s.op().forward(new NodeContext(s, store, m, true, false), inputs);
                store.sweepStrays(m);
                if (s.isLoss()) {
                    NDArray l = outs[s.index()].get(0);
                    total = total == null ? l : total.add(l);
                }
            }
            gc.backward(total);
            return total.getFloat();
        }
    }

    /** max |a - b| / max |b| over one tensor. */
    static double relativeDifference(float[] a, float[] b) {
        double diff = 0;
        double scale = 1e-30;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }
}
