package dev.tensorloom.execution.export;

import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.train.FlowLikelihoodMetric;
import dev.tensorloom.execution.train.GaussianFit;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The held-out metrics as {@code train.py}'s METRICS list: for each loss, what the studio's
 * {@code MetricsForDataset} measures and from which node outputs and targets (and, for flows, the Gaussian
 * baseline the studio fitted), written as Python literals for {@code metrics.py}.
 */
final class MetricSpecs {
    private MetricSpecs() {
    }

    /** @param bindings the metrics the studio's run measures (flows: the Gaussian baseline it fitted) */
    static String of(Plan plan, ModelGraph graph, List<MetricBinding> bindings) {
        List<String> specs = new ArrayList<>();
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
                specs.add(flowLikelihood(graph, plan.step(plan.indexOf(flow.lossNode())), b.targetField(),
                        flow.baseline()));
            }
        }
        if (specs.isEmpty()) {
            return "[]\n";
        }
        return "[\n    " + String.join(",\n    ", specs) + ",\n]\n";
    }

    /**
     * heldout_nll, gaussian_nll and nll_gap: the loss node's batch means and the data field, with the Gaussian
     * the studio fitted to its first {@value MetricsForDataset#BASELINE_BATCHES} training batches.
     */
    private static String flowLikelihood(ModelGraph graph, Step loss, String dataField, GaussianFit baseline) {
        List<Object> covariance = new ArrayList<>();
        for (double[] row : baseline.covariance()) {
            covariance.add(Arrays.stream(row).boxed().toList());
        }
        return "{\"kind\": \"flow_likelihood\", \"loss\": " + PythonNames.string(graph.node(loss.index()).attribute())
                + ", \"data\": " + PythonNames.string(dataField)
                + ",\n     \"baseline_mean\": " + PythonNames.literal(Arrays.stream(baseline.mean()).boxed().toList())
                + ",\n     \"baseline_covariance\": " + PythonNames.literal(covariance) + "}";
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
