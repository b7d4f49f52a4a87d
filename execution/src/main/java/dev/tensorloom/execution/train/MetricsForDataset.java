package dev.tensorloom.execution.train;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.SyntheticDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the held-out metrics of a graph from its loss nodes and the fields they read:
 * <ul>
 *   <li>{@code cross_entropy} → {@code token_accuracy} of its {@code pred} input, leaving out negative
 *       (ignored) targets;</li>
 *   <li>{@code flow_nll} → {@code heldout_nll}, {@code gaussian_nll} and {@code nll_gap}, the baseline
 *       fitted to training examples of the input the flow starts from;</li>
 *   <li>{@code detr_set_loss} and {@code dense_detection_loss} → {@code voc_map50} and {@code coco_map50_95}
 *       of the predicted boxes and logits against the target fields.</li>
 * </ul>
 * Some datasets come with the metric their task is judged by, listed first (the headline):
 * <ul>
 *   <li>stick figures → {@code pck@0.05} of the prediction the loss compares with the {@code keypoints};</li>
 *   <li>glyph faces → {@code verification_accuracy} on unseen people, from the embedding an
 *       {@code arcface_loss} reads or the features a linear classifier before a {@code cross_entropy} reads;</li>
 *   <li>shapes16 with a {@code rectified_flow_pair} → {@code class_accuracy_of_samples}, judged by a CNN
 *       trained on real images.</li>
 * </ul>
 * Other losses add no metric; the evaluation still reports {@code loss}.
 */
public final class MetricsForDataset {
    /** Training batches the flow baseline is fitted on (of the run's batch size). */
    public static final int BASELINE_BATCHES = 20;

    private MetricsForDataset() {
    }

    /** Metrics for a plan trained on a synthetic dataset: the baseline is fitted on its first training batches. */
    public static List<MetricBinding> forPlan(Plan plan, SyntheticDataset data, int batchSize) {
        List<HostBatch> sample = new ArrayList<>();
        if (plan.lossSteps().stream().anyMatch(s -> s.type().id().equals("flow_nll"))) {
            for (int i = 0; i < BASELINE_BATCHES; i++) {
                sample.add(data.batch(i, batchSize));
            }
        }
        List<MetricBinding> metrics = new ArrayList<>(TaskMetrics.forDataset(plan, data.generator()));
        metrics.addAll(forPlan(plan, sample));
        return metrics;
    }

    /** Metrics for a plan; {@code trainingSample} feeds baselines fitted to training data (flows). */
    public static List<MetricBinding> forPlan(Plan plan, List<HostBatch> trainingSample) {
        List<MetricBinding> metrics = new ArrayList<>();
        for (Step loss : plan.lossSteps()) {
            switch (loss.type().id()) {
                case "cross_entropy" -> {
                    InputRef pred = input(loss, 0);
                    Optional<String> field = fieldOf(plan, input(loss, 1));
                    Metric accuracy = TokenAccuracy.ignoringNegativeTargets();
                    if (pred.output() == 0 && field.isPresent()) {
                        metrics.add(new MetricBinding(accuracy, plan.step(pred.step()).nodeId(), field.get()));
                    } else {
                        // the loss reads a later output or a derived target (e.g. split parts)
                        metrics.add(new MetricBinding(new PortPairMetric(accuracy, source(plan, pred),
                                source(plan, input(loss, 1))), loss.nodeId(), ""));
                    }
                }
                case "flow_nll" -> {
                    Step data = sourceUpstream(plan, input(loss, 0));
                    GaussianFit fit = GaussianFit.of(points(trainingSample, data.field()),
                            dimension(trainingSample, data.field()));
                    metrics.add(new MetricBinding(new FlowLikelihoodMetric(data.nodeId(), source(plan, input(loss, 0)),
                            source(plan, input(loss, 1)), fit), loss.nodeId(), data.field()));
                }
                case "detr_set_loss", "dense_detection_loss" -> {
                    DetectionMapMetric.Scoring scoring = loss.type().id().equals("detr_set_loss")
                            ? DetectionMapMetric.Scoring.SOFTMAX_NO_OBJECT : DetectionMapMetric.Scoring.SIGMOID;
                    Optional<String> boxes = fieldOf(plan, input(loss, 2));
                    Optional<String> labels = fieldOf(plan, input(loss, 3));
                    if (boxes.isPresent() && labels.isPresent()) {
                        metrics.add(new MetricBinding(new DetectionMapMetric(source(plan, input(loss, 1)),
                                source(plan, input(loss, 0)), scoring, boxes.get(), labels.get()),
                                loss.nodeId(), labels.get()));
                    }
                }
                default -> {
                    // no metric beyond the loss
                }
            }
        }
        return metrics;
    }

    static InputRef input(Step step, int port) {
        return step.inputs().get(port).orElseThrow(() -> new IllegalArgumentException(step.nodeId()
                + ": input " + step.type().inputs().get(port).name() + " is not connected"));
    }

    static NodeOutput source(Plan plan, InputRef ref) {
        return new NodeOutput(plan.step(ref.step()).nodeId(), ref.output());
    }

    /** The dataset field when the input comes straight from an input node. */
    static Optional<String> fieldOf(Plan plan, InputRef ref) {
        Step producer = plan.step(ref.step());
        return producer.isSource() ? Optional.of(producer.field()) : Optional.empty();
    }

    /** Follows first inputs upstream to the input node the chain starts from. */
    private static Step sourceUpstream(Plan plan, InputRef ref) {
        Step s = plan.step(ref.step());
        while (!s.isSource()) {
            s = plan.step(input(s, 0).step());
        }
        return s;
    }

    private static float[] points(List<HostBatch> sample, String field) {
        int total = 0;
        for (HostBatch b : sample) {
            total += b.get(field).size();
        }
        float[] all = new float[total];
        int at = 0;
        for (HostBatch b : sample) {
            float[] f = b.get(field).floats();
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    private static int dimension(List<HostBatch> sample, String field) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("a flow baseline needs training examples of '" + field + "'");
        }
        HostArray a = sample.get(0).get(field);
        return (int) (a.size() / a.dim(0));
    }
}
