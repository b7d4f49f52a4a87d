package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates on held-out batches: mean loss over examples plus every bound metric with its interval. */
public final class Evaluator {
    private Evaluator() {
    }

    /** A final evaluation: probing metrics use their full sets. */
    public static Evaluation evaluate(Executor executor, List<Map<String, NDArray>> batches,
            List<MetricBinding> metrics) {
        return evaluate(executor, batches, metrics, true);
    }

    /**
     * Keys of the values: {@code loss}, then each metric's values by name. The loss is each batch's mean
     * weighted by its examples, so a short last batch counts for what it holds.
     */
    public static Evaluation evaluate(Executor executor, List<Map<String, NDArray>> batches,
            List<MetricBinding> metrics, boolean finalEvaluation) {
        metrics.forEach(b -> b.metric().reset());
        double lossSum = 0;
        long examples = 0;
        for (Map<String, NDArray> batch : batches) {
            try (NDManager scratch = executor.activationRoot().newSubManager()) {
                // Metrics see the batch through views that live in a scratch manager: an array a metric
                // derives from a target (a reshape, a cast) belongs to the array it came from, and held-out
                // batches live as long as the run, so each evaluation used to leave one array per batch behind.
                Map<String, NDArray> seen = scopedViews(batch, scratch);
                ForwardObserver observer = (step, outputs, published) -> {
                    for (MetricBinding b : metrics) {
                        if (b.nodeId().equals(step.nodeId())) {
                            b.metric().accumulate(outputs.get(0), seen.get(b.targetField()));
                        }
                        b.metric().observe(step, outputs, seen);
                    }
                };
                long size = batchSize(batch);
                lossSum += executor.evaluate(batch, observer).loss() * size;
                examples += size;
            }
        }
        for (MetricBinding b : metrics) {
            if (b.metric() instanceof ProbingMetric probe) {
                probe.probe(executor, finalEvaluation);
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", examples == 0 ? Double.NaN : lossSum / examples);
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        metrics.forEach(b -> {
            values.putAll(b.metric().values());
            estimates.putAll(b.metric().estimates());
        });
        return new Evaluation(values, estimates, examples);
    }

    /** A view of each array (no copy), owned by {@code scratch}, so what is derived from it goes with it. */
    private static Map<String, NDArray> scopedViews(Map<String, NDArray> batch, NDManager scratch) {
        Map<String, NDArray> views = new LinkedHashMap<>();
        batch.forEach((field, array) -> {
            NDArray view = array.reshape(array.getShape());
            view.attach(scratch);
            views.put(field, view);
        });
        return views;
    }

    private static long batchSize(Map<String, NDArray> batch) {
        return batch.values().stream().findFirst().map(a -> a.getShape().isScalar() ? 1L : a.getShape().get(0))
                .orElse(0L);
    }
}
