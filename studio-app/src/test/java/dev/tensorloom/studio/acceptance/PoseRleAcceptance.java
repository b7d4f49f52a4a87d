package dev.tensorloom.studio.acceptance;

import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.StickFigureGenerator;
import dev.tensorloom.model.doc.Document;
import java.util.Map;
import java.util.Set;

/**
 * Acceptance run of {@code pose-rle}: trains the template with rle_loss and the same network with
 * l1_loss on μ (same seed, steps, schedule and data), and prints PCK@0.05 of each on 512 held-out stick
 * figures from the same generator (half of them occluded, as in training). PCK is normalised as the
 * bounding-box PCK of pose papers (Yang and Ramanan 2013; mmpose's PCKAccuracy with norm_item "bbox"): a
 * joint counts when its predicted μ lies within 0.05 × max(width, height) of the figure's box, the tight
 * box around its true joints (about 21–54 px on 64 px images, so 1.1–2.7 px). The looser image-side PCK
 * (0.05 × 64 px = 3.2 px) is printed too. Both models get the same number of steps, not the same seconds:
 * an RLE step costs more (the flow), and a time cut would also stop its cosine schedule half-way.
 * Arguments: [steps] [safety cap in seconds per model] [rle|l1|both].
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
        String which = args.length > 2 ? args[2] : "both";
        // Another training seed for both models (initial weights and batches); the held-out figures stay the same.
        Long seed = args.length > 3 ? Long.valueOf(args[3]) : null;
        HostBatch test = new StickFigureGenerator(64).generate(new DataRandom(4242), 512);
        float[] truth = test.get("keypoints").floats();
        double[] boxes = java.util.stream.IntStream.range(0, 512)
                .mapToDouble(f -> boxSize(truth, f, StickFigureGenerator.KEYPOINTS) * 64).sorted().toArray();
        System.out.printf("figure boxes: %.1f-%.1f px (median %.1f) on 64 px images%n", boxes[0], boxes[511], boxes[256]);
        double rle = "l1".equals(which) ? Double.NaN : trainAndScore("rle", seeded(TemplateRun.template("pose-rle"), seed), steps,
                seconds, test);
        double l1 = "rle".equals(which) ? Double.NaN : trainAndScore("l1", seeded(l1Baseline(), seed), steps, seconds, test);
        System.out.printf("RESULT pose-rle: PCK@0.05 RLE %.3f vs L1 %.3f (target: RLE > L1), %d steps each, wall %.0f s, "
                + "cpu %.0f s, load after: %s%n", rle, l1, steps, (System.nanoTime() - start) / 1e9, TemplateRun.cpuSeconds(),
                TemplateRun.load());
    }

    private static Document seeded(Document doc, Long seed) {
        if (seed != null) {
            doc.setConfig(doc.config().withSeed(seed));
        }
        return doc;
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
            float[] mu = run.outputs(test, Set.of("mu")).get("mu");
            float[] truth = test.get("keypoints").floats();
            double pck = pck(mu, truth, StickFigureGenerator.KEYPOINTS);
            System.out.printf("%s: %d steps in %.0f s (cpu %.0f s), PCK@0.05 (box) %.3f, PCK@0.05 (image side) %.3f%n", name,
                    done, (System.nanoTime() - start) / 1e9, TemplateRun.cpuSeconds() - cpu, pck,
                    pck(mu, truth, StickFigureGenerator.KEYPOINTS, 1));
            return pck;
        }
    }

    /** PCK@0.05 with the box normalisation: the threshold is 0.05 × the longer side of each figure's joint box. */
    static double pck(float[] predicted, float[] truth, int keypoints) {
        int figures = truth.length / (2 * keypoints);
        int hits = 0;
        for (int f = 0; f < figures; f++) {
            hits += hits(predicted, truth, f, keypoints, PCK_THRESHOLD * boxSize(truth, f, keypoints));
        }
        return hits / (double) (figures * keypoints);
    }

    /** PCK with a fixed reference length (1 = the image side, since keypoints are divided by it). */
    static double pck(float[] predicted, float[] truth, int keypoints, double reference) {
        int figures = truth.length / (2 * keypoints);
        int hits = 0;
        for (int f = 0; f < figures; f++) {
            hits += hits(predicted, truth, f, keypoints, PCK_THRESHOLD * reference);
        }
        return hits / (double) (figures * keypoints);
    }

    /** max(width, height) of the tight box around figure f's true joints. */
    static double boxSize(float[] truth, int f, int keypoints) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int j = 0; j < keypoints; j++) {
            int i = 2 * (f * keypoints + j);
            minX = Math.min(minX, truth[i]);
            maxX = Math.max(maxX, truth[i]);
            minY = Math.min(minY, truth[i + 1]);
            maxY = Math.max(maxY, truth[i + 1]);
        }
        return Math.max(maxX - minX, maxY - minY);
    }

    private static int hits(float[] predicted, float[] truth, int f, int keypoints, double threshold) {
        int hits = 0;
        for (int j = 0; j < keypoints; j++) {
            int i = 2 * (f * keypoints + j);
            hits += Math.hypot(predicted[i] - truth[i], predicted[i + 1] - truth[i + 1]) < threshold ? 1 : 0;
        }
        return hits;
    }
}
