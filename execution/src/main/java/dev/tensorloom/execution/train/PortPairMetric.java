package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Step;
import java.util.Map;

/**
 * Feeds a two-argument metric from any two node outputs, such as a {@code split} node's second part for
 * both prediction and target, instead of a node's first output and a dataset field. Whichever arrives
 * first is copied until the other does (the executor frees node outputs as it goes).
 */
public final class PortPairMetric implements Metric {
    private final Metric inner;
    private final NodeOutput prediction;
    private final NodeOutput target;
    private NDManager held;
    private NDArray heldPrediction;
    private NDArray heldTarget;

    public PortPairMetric(Metric inner, NodeOutput prediction, NodeOutput target) {
        this.inner = inner;
        this.prediction = prediction;
        this.target = target;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void reset() {
        inner.reset();
        release();
    }

    @Override
    public void accumulate(NDArray output, NDArray targetValues) {
        // Everything arrives through observe.
    }

    @Override
    public void observe(Step step, NDList outputs, Map<String, NDArray> batch) {
        if (step.nodeId().equals(prediction.nodeId())) {
            heldPrediction = keep(outputs.get(prediction.output()));
        }
        if (step.nodeId().equals(target.nodeId())) {
            heldTarget = keep(outputs.get(target.output()));
        }
        if (heldPrediction != null && heldTarget != null) {
            inner.accumulate(heldPrediction, heldTarget);
            release();
        }
    }

    private NDArray keep(NDArray a) {
        if (held == null) {
            held = NDManager.newBaseManager(a.getDevice());
        }
        NDArray copy = a.stopGradient().duplicate();
        copy.attach(held);
        return copy;
    }

    private void release() {
        if (held != null) {
            held.close();
            held = null;
        }
        heldPrediction = null;
        heldTarget = null;
    }

    @Override
    public double value() {
        return inner.value();
    }

    @Override
    public Map<String, Double> values() {
        return inner.values();
    }
}
