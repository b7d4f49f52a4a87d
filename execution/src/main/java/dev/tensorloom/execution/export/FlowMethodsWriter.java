package dev.tensorloom.execution.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The methods a normalizing flow's top module gets beside {@code forward}: {@code inverse(z)}, the flow's
 * steps inverted in reverse order (what the studio's sampler runs on Gaussian noise), and
 * {@code log_det(x)}, the sum of the steps' log-determinants. Both are unrolled, one statement per node,
 * like {@code forward}.
 */
final class FlowMethodsWriter {
    private static final String INDENT = "        ";

    private FlowMethodsWriter() {
    }

    static String write(ModelGraph.Flow flow) {
        List<String> names = flow.steps().stream().map(ModelGraph.Node::attribute).toList();
        List<String> backwards = new ArrayList<>(names);
        Collections.reverse(backwards);
        String features = flow.features() > 0 ? Long.toString(flow.features()) : "D";
        StringBuilder b = new StringBuilder();
        b.append("\n    def inverse(self, z):\n")
                .append("        \"\"\"The data points x [B, ").append(features).append("] whose latent codes are z: the flow's ")
                .append("steps inverted, last first\n")
                .append("        (").append(String.join(", ", backwards)).append("). Samples of the model are ")
                .append("inverse(torch.randn(n, ").append(features).append(")).\"\"\"\n");
        String from = "z";
        for (String step : backwards) {
            b.append(INDENT).append("x = self.").append(step).append(".inverse(").append(from).append(")\n");
            from = "x";
        }
        b.append(INDENT).append("return x\n");

        b.append("\n    def log_det(self, x):\n")
                .append("        \"\"\"log |det ∂z/∂x| of the whole flow at x [B, ").append(features)
                .append("], per example [B]: the sum of its steps'\n")
                .append("        log-determinants (").append(String.join(", ", names)).append(").\"\"\"\n");
        b.append(INDENT).append("z, log_det = self.").append(names.get(0)).append("(x)\n");
        for (String step : names.subList(1, names.size())) {
            b.append(INDENT).append("z, step_log_det = self.").append(step).append("(z)\n")
                    .append(INDENT).append("log_det = log_det + step_log_det\n");
        }
        b.append(INDENT).append("return log_det\n");
        return b.toString();
    }
}
