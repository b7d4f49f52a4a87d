package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The held-out metrics as {@code train.py}'s METRICS list: for each loss, what the studio's
 * {@code MetricsForDataset} measures and from which node outputs and targets, written as Python literals
 * for {@code metrics.py}: {@code token_accuracy} for cross-entropy, {@code map50} and {@code map50_95} for
 * the detection losses.
 */
final class MetricSpecs {
    private MetricSpecs() {
    }

    static String of(Plan plan, ModelGraph graph) {
        List<String> specs = new ArrayList<>();
        for (Step loss : plan.lossSteps()) {
            if (loss.type().id().equals("cross_entropy")) {
                InputRef pred = loss.inputs().get(0).orElseThrow();
                InputRef target = loss.inputs().get(1).orElseThrow();
                specs.add("{\"kind\": \"token_accuracy\", \"prediction\": " + output(plan, graph, pred)
                        + ", \"target\": " + output(plan, graph, target) + "}");
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
     * {@code map50} and {@code map50_95} of a detection loss's logits and boxes, decoded by the model's own
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
