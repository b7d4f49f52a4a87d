package dev.tensorloom.execution.train;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.BatchGenerator;
import dev.tensorloom.execution.data.FieldSpec;
import dev.tensorloom.execution.data.GlyphFaceGenerator;
import dev.tensorloom.execution.data.ShapeClassesGenerator;
import dev.tensorloom.execution.data.StickFigureGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics a task is judged by that no loss names: keypoint PCK for stick figures, verification of
 * unseen people for glyph faces, the class accuracy of generated shapes (see {@link MetricsForDataset}).
 */
final class TaskMetrics {
    private TaskMetrics() {
    }

    static List<MetricBinding> forDataset(Plan plan, BatchGenerator generator) {
        List<MetricBinding> metrics = new ArrayList<>();
        if (generator instanceof StickFigureGenerator) {
            keypoints(plan).ifPresent(metrics::add);
        } else if (generator instanceof GlyphFaceGenerator faces) {
            embedding(plan).ifPresent(e -> metrics.add(new MetricBinding(new FaceVerification(e, faces,
                    fieldsRead(plan, faces)), e.nodeId(), "")));
        } else if (generator instanceof ShapeClassesGenerator shapes && hasStep(plan, "rectified_flow_pair")) {
            conditionLabel(plan).ifPresent(label -> metrics.add(new MetricBinding(new SampleClassAccuracy(label,
                    ShapeClassesGenerator.CLASSES.size(), shapes.size()), plan.lossSteps().get(0).nodeId(), "")));
        }
        return metrics;
    }

    /** PCK of the prediction (a loss's first input) that the loss compares with the {@code keypoints} field. */
    private static Optional<MetricBinding> keypoints(Plan plan) {
        for (Step loss : plan.lossSteps()) {
            if (loss.inputs().isEmpty() || loss.inputs().get(0).isEmpty()) {
                continue;
            }
            Optional<InputRef> truth = loss.inputs().stream().skip(1).flatMap(Optional::stream)
                    .filter(ref -> MetricsForDataset.fieldOf(plan, ref).filter("keypoints"::equals).isPresent())
                    .findFirst();
            if (truth.isPresent()) {
                InputRef pred = loss.inputs().get(0).get();
                NodeOutput predicted = MetricsForDataset.source(plan, pred);
                if (pred.output() == 0) {
                    return Optional.of(new MetricBinding(new KeypointPck(), predicted.nodeId(), "keypoints"));
                }
                return Optional.of(new MetricBinding(new PortPairMetric(new KeypointPck(), predicted,
                        MetricsForDataset.source(plan, truth.get())), loss.nodeId(), ""));
            }
        }
        return Optional.empty();
    }

    /**
     * The embedding of a face model: what an {@code arcface_loss} reads, or for a softmax classifier the
     * features its final linear layer reads (the penultimate layer, as verification uses them).
     */
    private static Optional<NodeOutput> embedding(Plan plan) {
        for (Step loss : plan.lossSteps()) {
            Optional<InputRef> pred = loss.inputs().isEmpty() ? Optional.empty() : loss.inputs().get(0);
            if (pred.isEmpty()) {
                continue;
            }
            if (loss.type().id().equals("arcface_loss")) {
                return Optional.of(MetricsForDataset.source(plan, pred.get()));
            }
            Step classifier = plan.step(pred.get().step());
            if (loss.type().id().equals("cross_entropy") && classifier.type().id().equals("linear")
                    && classifier.inputs().get(0).isPresent()) {
                return Optional.of(MetricsForDataset.source(plan, classifier.inputs().get(0).get()));
            }
        }
        return Optional.empty();
    }

    /** The condition field the velocity network reads: the requested class. */
    private static Optional<String> conditionLabel(Plan plan) {
        return plan.sourceSteps().stream().map(Step::field).filter(f -> f.equals("label")).findFirst();
    }

    private static boolean hasStep(Plan plan, String type) {
        return plan.steps().stream().anyMatch(s -> s.type().id().equals(type));
    }

    private static Map<String, FieldSpec> fieldsRead(Plan plan, BatchGenerator generator) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (Step s : plan.sourceSteps()) {
            generator.fields().stream().filter(f -> f.name().equals(s.field())).findFirst()
                    .ifPresent(f -> fields.put(f.name(), f));
        }
        return fields;
    }
}
