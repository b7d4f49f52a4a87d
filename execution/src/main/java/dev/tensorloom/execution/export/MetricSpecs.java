package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.train.FlowLikelihoodMetric;
import dev.tensorloom.execution.train.GaussianFit;
import dev.tensorloom.execution.train.KeypointPck;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The held-out metrics as {@code train.py}'s METRICS list: for each loss, what the studio's
 * {@code MetricsForDataset} measures and from which node outputs and targets, written as Python literals
 * for {@code metrics.py}: {@code token_accuracy} for cross-entropy, {@code map50} and {@code map50_95} for
 * the detection losses, and for flows the likelihoods with the Gaussian baseline the studio fitted.
 */
final class MetricSpecs {
    private MetricSpecs() {
    }

    /** @param bindings the metrics the studio's run measures (flows: the Gaussian baseline it fitted) */
    static String of(Plan plan, ModelGraph graph, List<MetricBinding> bindings) {
        List<String> specs = new ArrayList<>();
        // The studio's order, so train.py's headline (the first value after the loss) is the studio's.
        if (bindings.stream().anyMatch(b -> b.metric().name().equals(KeypointPck.NAME))) {
            keypointPck(plan, graph).ifPresent(specs::add);
        }
        for (Step loss : plan.lossSteps()) {
            if (loss.type().id().equals("cross_entropy")) {
                InputRef pred = loss.inputs().get(0).orElseThrow();
                InputRef target = loss.inputs().get(1).orElseThrow();
                specs.add("{\"kind\": \"token_accuracy\", \"prediction\": " + output(plan, graph, pred)
                        + ", \"target\": " + output(plan, graph, target) + "}");
            }
        }
        for (MetricBinding b : bindings) {
            if (b.metric() instanceof FlowLikelihoodMetric flow) {
                specs.add(flowLikelihood(plan, graph, plan.step(plan.indexOf(b.nodeId())), b.targetField(),
                        flow.baseline()));
            }
        }
        for (DetectorDecoders.Decoder d : DetectorDecoders.of(graph)) {
            detectionMap(plan, graph, d).ifPresent(specs::add);
        }
        if (specs.isEmpty()) {
            return "[]\n";
        }
        return "[\n    " + String.join(",\n    ", specs) + ",\n]\n";
    }

    /**
     * pck@0.05 of the prediction a loss compares with the {@code keypoints} field (its first input), as the
     * studio's KeypointPck binding reads it.
     */
    private static Optional<String> keypointPck(Plan plan, ModelGraph graph) {
        for (Step loss : plan.lossSteps()) {
            Optional<InputRef> pred = loss.inputs().isEmpty() ? Optional.empty() : loss.inputs().get(0);
            Optional<InputRef> truth = loss.inputs().stream().skip(1).flatMap(Optional::stream)
                    .filter(r -> plan.step(r.step()).isSource() && plan.step(r.step()).field().equals("keypoints"))
                    .findFirst();
            if (pred.isPresent() && truth.isPresent()) {
                return Optional.of("{\"kind\": \"pck\", \"prediction\": " + output(plan, graph, pred.get())
                        + ", \"target\": " + output(plan, graph, truth.get()) + "}");
            }
        }
        return Optional.empty();
    }

    /**
     * heldout_nll, gaussian_nll and nll_gap per example from the latent and log-determinant the flow_nll node
     * reads and the data field, with the Gaussian the studio fitted to its first
     * {@value MetricsForDataset#BASELINE_BATCHES} training batches.
     */
    private static String flowLikelihood(Plan plan, ModelGraph graph, Step loss, String dataField,
            GaussianFit baseline) {
        List<Object> covariance = new ArrayList<>();
        for (double[] row : baseline.covariance()) {
            covariance.add(Arrays.stream(row).boxed().toList());
        }
        return "{\"kind\": \"flow_likelihood\", \"z\": " + output(plan, graph, loss.inputs().get(0).orElseThrow())
                + ", \"logdet\": " + output(plan, graph, loss.inputs().get(1).orElseThrow())
                + ", \"data\": " + PythonNames.string(dataField)
                + ",\n     \"baseline_mean\": " + PythonNames.literal(Arrays.stream(baseline.mean()).boxed().toList())
                + ",\n     \"baseline_covariance\": " + PythonNames.literal(covariance) + "}";
    }

    /**
     * {@code voc_map50} and {@code coco_map50_95} of a detection loss's logits and boxes, decoded by the model's own
     * method; as in the studio, only when the target boxes and labels are dataset fields.
     */
    private static Optional<String> detectionMap(Plan plan, ModelGraph graph, DetectorDecoders.Decoder d) {
        Step loss = d.loss().step();
        Optional<InputRef> boxes = loss.inputs().get(2).filter(r -> plan.step(r.step()).isSource());
        Optional<InputRef> labels = loss.inputs().get(3).filter(r -> plan.step(r.step()).isSource());
        if (boxes.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        InputRef logits = loss.inputs().get(0).orElseThrow();
        InputRef predicted = loss.inputs().get(1).orElseThrow();
        return Optional.of("{\"kind\": \"detection_map\", \"logits\": " + output(plan, graph, logits)
                + ", \"boxes\": " + output(plan, graph, predicted)
                + ", \"decoder\": " + PythonNames.string(d.method())
                + ",\n     \"target_boxes\": " + output(plan, graph, boxes.get())
                + ", \"target_labels\": " + output(plan, graph, labels.get()) + "}");
    }

    /** A dataset field as its name, a node output as [attribute, index]. */
    private static String output(Plan plan, ModelGraph graph, InputRef ref) {
        Step producer = plan.step(ref.step());
        if (producer.isSource()) {
            return PythonNames.string(producer.field());
        }
        return "[" + PythonNames.string(graph.node(ref.step()).attribute()) + ", " + ref.output() + "]";
    }
}
