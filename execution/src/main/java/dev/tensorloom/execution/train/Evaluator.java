package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates on held-out batches: mean loss over batches plus every bound metric. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Keys: {@code loss}, then each metric's values by name. */
    public static Map<String, Double> evaluate(Executor executor, List<Map<String, NDArray>> batches,
            List<MetricBinding> metrics) {
        metrics.forEach(b -> b.metric().reset());
        double lossSum = 0;
        for (Map<String, NDArray> batch : batches) {
            ForwardObserver observer = (step, outputs, published) -> {
                for (MetricBinding b : metrics) {
                    if (b.nodeId().equals(step.nodeId())) {
                        b.metric().accumulate(outputs.get(0), batch.get(b.targetField()));
                    }
                    b.metric().observe(step, outputs, batch);
                }
            };
            lossSum += executor.evaluate(batch, observer).loss();
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("loss", batches.isEmpty() ? Double.NaN : lossSum / batches.size());
        metrics.forEach(b -> result.putAll(b.metric().values()));
        return result;
    }
}
