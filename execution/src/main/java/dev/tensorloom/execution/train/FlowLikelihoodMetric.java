package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.compile.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Held-out likelihood of a normalizing flow against a baseline: {@code heldout_nll} is the mean
 * {@code flow_nll} per example over the held-out batches, {@code gaussian_nll} the mean negative log
 * density of the same points under a full-covariance Gaussian fitted to training data, and
 * {@code nll_gap = gaussian_nll − heldout_nll} (nats per example; positive when the flow wins).
 */
public final class FlowLikelihoodMetric implements Metric {
    private final String lossNode;
    private final String dataNode;
    private final GaussianFit baseline;
    private double flowSum;
    private double gaussianSum;
    private long flowCount;
    private long gaussianCount;
    /** Examples in the batch whose data node ran last; the loss node's mean is weighted by it. */
    private long pendingBatch;

    /**
     * @param lossNode  the {@code flow_nll} node (its output is the batch mean)
     * @param dataNode  the input node whose output is the data the flow models
     * @param baseline  the Gaussian fitted to training data
     */
    public FlowLikelihoodMetric(String lossNode, String dataNode, GaussianFit baseline) {
        this.lossNode = lossNode;
        this.dataNode = dataNode;
        this.baseline = baseline;
    }

    /** The {@code flow_nll} node whose batch means are averaged. */
    public String lossNode() {
        return lossNode;
    }

    /** The Gaussian fitted to training data that the flow is compared with. */
    public GaussianFit baseline() {
        return baseline;
    }

    @Override
    public String name() {
        return "heldout_nll";
    }

    @Override
    public void reset() {
        flowSum = 0;
        gaussianSum = 0;
        flowCount = 0;
        gaussianCount = 0;
    }

    @Override
    public void accumulate(NDArray output, NDArray target) {
        // Everything arrives through observe: this metric reads two nodes.
    }

    @Override
    public void observe(Step step, NDList outputs, Map<String, NDArray> batch) {
        if (step.nodeId().equals(dataNode)) {
            NDArray x = outputs.get(0);
            int n = (int) x.getShape().get(0);
            int d = (int) (x.size() / n);
            float[] points = x.toFloatArray();
            for (int i = 0; i < n; i++) {
                gaussianSum += baseline.nll(points, i * d);
            }
            gaussianCount += n;
            pendingBatch = n;
        } else if (step.nodeId().equals(lossNode)) {
            flowSum += outputs.get(0).toFloatArray()[0] * (double) pendingBatch;
            flowCount += pendingBatch;
        }
    }

    @Override
    public double value() {
        return flowCount == 0 ? Double.NaN : flowSum / flowCount;
    }

    @Override
    public Map<String, Double> values() {
        double flow = value();
        double gaussian = gaussianCount == 0 ? Double.NaN : gaussianSum / gaussianCount;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("heldout_nll", flow);
        v.put("gaussian_nll", gaussian);
        v.put("nll_gap", gaussian - flow);
        return v;
    }
}
