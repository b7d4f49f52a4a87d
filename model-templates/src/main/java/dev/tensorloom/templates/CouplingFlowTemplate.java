package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * A 2-D normalizing flow made of coupling layers with alternating masks, chained through their
 * {@code z} outputs; the {@code logdet}s are summed by {@code add} nodes into {@code flow_nll}. RealNVP
 * uses affine couplings; NICE uses additive (volume-preserving) couplings and ends in a diagonal scale,
 * which then carries the whole log-determinant.
 */
record CouplingFlowTemplate(String id, String coupling, int layers, int hidden, boolean diagonalScale,
        TrainingConfig config) implements TemplateSource {

    /** RealNVP (Dinh et al. 2017), 8 affine couplings, on two moons. */
    static CouplingFlowTemplate realNvpMoons() {
        return new CouplingFlowTemplate("realnvp-moons", "affine_coupling", 8, 64, false,
                new TrainingConfig("two-moons", "adam", 2e-3, "cosine", 100, 0.0, 0.9, 5.0, 256, 800, 0, 200,
                        42L, "auto", "none"));
    }

    /** NICE (Dinh et al. 2015), additive couplings plus a diagonal scale, on the checkerboard. */
    static CouplingFlowTemplate niceCheckerboard() {
        return new CouplingFlowTemplate("nice-checkerboard", "additive_coupling", 8, 128, true,
                new TrainingConfig("checkerboard", "adam", 2e-3, "cosine", 100, 0.0, 0.9, 5.0, 256, 1000, 0, 250,
                        42L, "auto", "none"));
    }

    @Override
    public Document build() {
        DocumentBuilder g = new DocumentBuilder();
        g.nodeAt("x", "input", 0, 0, "field", "x", "shape", "[B, 2]", "dtype", "float32");
        String z = "x.out";
        String logdet = null;
        for (int i = 1; i <= layers; i++) {
            String c = "c" + i;
            // A flow step: the coupling and the add that sums its log-determinant (the first has none to add to).
            // Masks alternate, so the steps differ in a parameter and are grouped without a shared saved block.
            g.group("step" + i, "Flow step " + i, null);
            g.nodeAt(c, coupling, i, 0, "d", 2, "hidden", hidden, "layers", 2, "mask", i % 2 == 1 ? "even" : "odd");
            g.wire(z, c + ".in");
            z = c + ".z";
            logdet = sum(g, logdet, c + ".logdet", i);
            g.endGroup();
        }
        if (diagonalScale) {
            g.nodeAt("scale", "diag_scale", layers + 1, 0);
            g.wire(z, "scale.in");
            z = "scale.z";
            logdet = sum(g, logdet, "scale.logdet", layers + 1);
        }
        g.nodeAt("nll", "flow_nll", layers + 2, 0);
        g.wire(z, "nll.z").wire(logdet, "nll.logdet");
        Document doc = g.build();
        doc.setConfig(config);
        return doc;
    }

    /** Adds {@code next} to the running log-determinant sum, returning the port that now holds the sum. */
    private static String sum(DocumentBuilder g, String running, String next, int column) {
        if (running == null) {
            return next;
        }
        String id = "logdet" + column;
        g.nodeAt(id, "add", column, 1);
        g.wire(running, id + ".a").wire(next, id + ".b");
        return id + ".out";
    }
}
