package dev.tensorloom.studio.acceptance;

import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.StickFigureGenerator;
import dev.tensorloom.model.doc.Document;
import java.util.Map;
import java.util.Set;

/**
 * Acceptance run of {@code pose-rle}: trains the template with rle_loss and the same network with
 * l1_loss (same seed, steps, schedule and data), and prints PCK@0.05 of each on held-out stick figures (a
 * joint counts when its predicted μ lies within 0.05 of the image side of the truth). Both models get the
 * same number of steps, not the same seconds: an RLE step costs more (the flow), and a time cut would
 * also stop its cosine schedule half-way. Arguments: [steps] [safety cap in seconds per model].
 */
public final class PoseRleAcceptance {
    static final double PCK_THRESHOLD = 0.05;

    private PoseRleAcceptance() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : TemplateRun.template("pose-rle").config().steps();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : Double.MAX_VALUE;
        long start = System.nanoTime();
        System.out.println("load before: " + TemplateRun.load());
        HostBatch test = new StickFigureGenerator(64).generate(new DataRandom(4242), 512);
        double rle = trainAndScore("rle", TemplateRun.template("pose-rle"), steps, seconds, test);
        double l1 = trainAndScore("l1", l1Baseline(), steps, seconds, test);
        System.out.printf("RESULT pose-rle: PCK@0.05 RLE %.3f vs L1 %.3f (target: RLE > L1), %d steps each, wall %.0f s, "
                + "cpu %.0f s, load after: %s%n", rle, l1, steps, (System.nanoTime() - start) / 1e9, TemplateRun.cpuSeconds(),
                TemplateRun.load());
    }

    /** The template with the RLE loss and its σ branch replaced by L1 on μ. */
    static Document l1Baseline() {
        Document d = TemplateRun.template("pose-rle");
        for (String n : new String[] {"sigma", "sigma_act", "sigma_fc"}) {
            d.removeNode(n);
        }
        TemplateRun.replaceLoss(d, "loss", "l1_loss", Map.of(), Map.of("pred", "mu.out", "target", "keypoints.out"));
        return d;
    }

    static double trainAndScore(String name, Document doc, int steps, double seconds, HostBatch test) {
        long start = System.nanoTime();
        try (TemplateRun run = new TemplateRun(doc, steps)) {
            double cpu = TemplateRun.cpuSeconds();
            int done = run.train(steps, run.config().batchSize(), seconds, 250);
            if (done < steps) {
                System.out.printf("WARNING %s stopped by the time cap after %d of %d steps: the comparison is not fair%n",
                        name, done, steps);
            }
            double pck = pck(run.outputs(test, Set.of("mu")).get("mu"), test.get("keypoints").floats());
            System.out.printf("%s: %d steps in %.0f s (cpu %.0f s), PCK@0.05 %.3f%n", name, done, (System.nanoTime() - start) / 1e9,
                    TemplateRun.cpuSeconds() - cpu, pck);
            return pck;
        }
    }

    /** Fraction of joints whose predicted (x, y) is within the threshold of the truth (normalised coordinates). */
    static double pck(float[] predicted, float[] truth) {
        int joints = truth.length / 2;
        int hits = 0;
        for (int j = 0; j < joints; j++) {
            double d = Math.hypot(predicted[2 * j] - truth[2 * j], predicted[2 * j + 1] - truth[2 * j + 1]);
            hits += d < PCK_THRESHOLD ? 1 : 0;
        }
        return hits / (double) joints;
    }
}
