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
 * {@code nll_gap = gaussian_nll − heldout_nll} (nats per example; positive when the flow wins). Each is a
 * mean over examples with its 95% interval; the gap's interval comes from the per-example differences, so
 * the two models' shared difficulty of an example cancels.
 */
public final class FlowLikelihoodMetric implements Metric {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private final String dataNode;
    private final NodeOutput z;
    private final NodeOutput logdet;
    private final GaussianFit baseline;
    private final MeanEstimator flow = new MeanEstimator();
    private final MeanEstimator gaussian = new MeanEstimator();
    private final MeanEstimator gap = new MeanEstimator();
    private double[] batchGaussian;
    private float[] batchZ;
    private float[] batchLogdet;

    /**
     * @param dataNode  the input node whose output is the data the flow models
     * @param z         the latent the {@code flow_nll} node reads, [B, D]
     * @param logdet    the log-determinant it reads, [B]
     * @param baseline  the Gaussian fitted to training data
     */
    public FlowLikelihoodMetric(String dataNode, NodeOutput z, NodeOutput logdet, GaussianFit baseline) {
        this.dataNode = dataNode;
        this.z = z;
        this.logdet = logdet;
        this.baseline = baseline;
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
        flow.reset();
        gaussian.reset();
        gap.reset();
        batchGaussian = null;
        batchZ = null;
        batchLogdet = null;
    }

    @Override
    public void accumulate(NDArray output, NDArray target) {
        // Everything arrives through observe: this metric reads three nodes.
    }

    @Override
    public void observe(Step step, NDList outputs, Map<String, NDArray> batch) {
        if (step.nodeId().equals(dataNode)) {
            NDArray x = outputs.get(0);
            int n = (int) x.getShape().get(0);
            int d = (int) (x.size() / n);
            float[] points = x.toFloatArray();
            batchGaussian = new double[n];
            for (int i = 0; i < n; i++) {
                batchGaussian[i] = baseline.nll(points, i * d);
            }
        }
        if (step.nodeId().equals(z.nodeId())) {
            batchZ = outputs.get(z.output()).toFloatArray();
        }
        if (step.nodeId().equals(logdet.nodeId())) {
            batchLogdet = outputs.get(logdet.output()).toFloatArray();
        }
        if (batchGaussian != null && batchZ != null && batchLogdet != null) {
            addBatch();
        }
    }

    /** Per example: the flow's −log N(z; 0, I) − logdet (what flow_nll averages) against the baseline. */
    private void addBatch() {
        int n = batchLogdet.length;
        int d = batchZ.length / n;
        for (int i = 0; i < n; i++) {
            double squares = 0;
            for (int k = 0; k < d; k++) {
                double v = batchZ[i * d + k];
                squares += v * v;
            }
            double nll = 0.5 * squares + 0.5 * d * LOG_TWO_PI - batchLogdet[i];
            flow.add(nll);
            gaussian.add(batchGaussian[i]);
            gap.add(batchGaussian[i] - nll);
        }
        batchGaussian = null;
        batchZ = null;
        batchLogdet = null;
    }

    @Override
    public double value() {
        return flow.value();
    }

    @Override
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("nll_gap", gap.value());
        v.put("heldout_nll", flow.value());
        v.put("gaussian_nll", gaussian.value());
        return v;
    }

    @Override
    public Map<String, Estimate> estimates() {
        Map<String, Estimate> e = new LinkedHashMap<>();
        e.put("nll_gap", gap.estimate());
        e.put("heldout_nll", flow.estimate());
        e.put("gaussian_nll", gaussian.estimate());
        return e;
    }
}
