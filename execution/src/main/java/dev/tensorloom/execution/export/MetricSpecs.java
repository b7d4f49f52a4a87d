package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The held-out metrics as {@code train.py}'s METRICS list: for each loss, what the studio's
 * {@code MetricsForDataset} measures and from which node outputs and targets, written as Python literals
 * for {@code metrics.py}.
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
        if (specs.isEmpty()) {
            return "[]\n";
        }
        return "[\n    " + String.join(",\n    ", specs) + ",\n]\n";
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
