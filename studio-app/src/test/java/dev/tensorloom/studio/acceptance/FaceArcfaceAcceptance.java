package dev.tensorloom.studio.acceptance;

import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.GlyphFaceGenerator;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.model.doc.Document;
import java.util.Map;
import java.util.Set;

/**
 * Acceptance run of {@code face-arcface}: trains the template (ArcFace) and the same network with a
 * linear classifier and softmax cross-entropy, then verifies same/different pairs of identities
 * never seen in training: cosine similarity of embeddings, threshold chosen on validation identities,
 * accuracy on disjoint test identities. Both models get the same steps and schedule (a time cut would stop a
 * cosine schedule half-way). Arguments: [steps] [safety cap in seconds per model].
 */
public final class FaceArcfaceAcceptance {
    static final int TRAIN_IDENTITIES = 200;
    static final int UNSEEN_FIRST = 1_000_000;
    static final int UNSEEN_PER_SPLIT = 50;
    static final int PAIRS = 1000;
    static final int SIZE = 32;

    private FaceArcfaceAcceptance() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : TemplateRun.template("face-arcface").config().steps();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : Double.MAX_VALUE;
        long start = System.nanoTime();
        System.out.println("load before: " + TemplateRun.load());
        double arc = trainAndVerify("arcface", TemplateRun.template("face-arcface"), steps, seconds);
        double soft = trainAndVerify("softmax", softmaxBaseline(), steps, seconds);
        System.out.printf("RESULT face-arcface: verification accuracy ArcFace %.3f vs softmax %.3f (target: ArcFace >= 0.95 "
                + "and > softmax), %d steps each, wall %.0f s, cpu %.0f s, load after: %s%n", arc, soft, steps,
                (System.nanoTime() - start) / 1e9, TemplateRun.cpuSeconds(), TemplateRun.load());
    }

    /** The template with the ArcFace loss replaced by Linear(embedding → identities) and cross-entropy. */
    static Document softmaxBaseline() {
        Document d = TemplateRun.template("face-arcface");
        d.removeNode("loss");
        d.addNode(new dev.tensorloom.model.doc.Node("classifier", "linear", "classifier",
                new java.util.LinkedHashMap<>(Map.of("out_features", (long) TRAIN_IDENTITIES)),
                new dev.tensorloom.model.doc.Position(0, 0), null));
        TemplateRun.connect(d, "embedding.out", "classifier.in");
        TemplateRun.addLoss(d, "loss", "cross_entropy", Map.of("pred", "classifier.out", "target", "label.out"));
        return d;
    }

    static double trainAndVerify(String name, Document doc, int steps, double seconds) {
        long start = System.nanoTime();
        try (TemplateRun run = new TemplateRun(doc, steps)) {
            double cpu = TemplateRun.cpuSeconds();
            int done = run.train(steps, run.config().batchSize(), seconds, 250);
            if (done < steps) {
                System.out.printf("WARNING %s stopped by the time cap after %d of %d steps: the comparison is not fair%n",
                        name, done, steps);
            }
            Pairs validation = Pairs.draw(UNSEEN_FIRST, 11);
            Pairs test = Pairs.draw(UNSEEN_FIRST + UNSEEN_PER_SPLIT, 12);
            double[] valSim = validation.similarities(run);
            double threshold = bestThreshold(valSim, validation.same);
            double acc = accuracy(test.similarities(run), test.same, threshold);
            System.out.printf("%s: %d steps in %.0f s (cpu %.0f s), threshold %.3f (validation accuracy %.3f), "
                    + "test accuracy %.3f%n", name, done, (System.nanoTime() - start) / 1e9, TemplateRun.cpuSeconds() - cpu, threshold, accuracy(valSim, validation.same, threshold), acc);
            return acc;
        }
    }

    static double bestThreshold(double[] sim, boolean[] same) {
        double best = 0;
        double bestAcc = -1;
        for (double t : sim) {
            double a = accuracy(sim, same, t);
            if (a > bestAcc) {
                bestAcc = a;
                best = t;
            }
        }
        return best;
    }

    static double accuracy(double[] sim, boolean[] same, double threshold) {
        int right = 0;
        for (int i = 0; i < sim.length; i++) {
            right += (sim[i] >= threshold) == same[i] ? 1 : 0;
        }
        return right / (double) sim.length;
    }

    /** Picture pairs of unseen identities, half the same person, half different people. */
    record Pairs(float[] left, float[] right, boolean[] same) {
        static Pairs draw(int firstIdentity, long seed) {
            GlyphFaceGenerator faces = new GlyphFaceGenerator(SIZE, UNSEEN_PER_SPLIT, firstIdentity);
            DataRandom r = new DataRandom(seed);
            int plane = SIZE * SIZE;
            float[] left = new float[PAIRS * plane];
            float[] right = new float[PAIRS * plane];
            boolean[] same = new boolean[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                int a = r.nextInt(UNSEEN_PER_SPLIT);
                int b = a;
                same[i] = i % 2 == 0;
                if (!same[i]) {
                    b = (a + 1 + r.nextInt(UNSEEN_PER_SPLIT - 1)) % UNSEEN_PER_SPLIT;
                }
                System.arraycopy(faces.picture(a, r), 0, left, i * plane, plane);
                System.arraycopy(faces.picture(b, r), 0, right, i * plane, plane);
            }
            return new Pairs(left, right, same);
        }

        double[] similarities(TemplateRun run) {
            float[] l = embed(run, left);
            float[] rr = embed(run, right);
            int d = l.length / PAIRS;
            double[] sim = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                double dot = 0;
                double nl = 0;
                double nr = 0;
                for (int k = 0; k < d; k++) {
                    dot += l[i * d + k] * rr[i * d + k];
                    nl += l[i * d + k] * l[i * d + k];
                    nr += rr[i * d + k] * rr[i * d + k];
                }
                sim[i] = dot / Math.sqrt(nl * nr + 1e-12);
            }
            return sim;
        }

        private static float[] embed(TemplateRun run, float[] images) {
            HostBatch batch = HostBatch.builder().put("image", HostArray.ofFloats(images, PAIRS, 1, SIZE, SIZE))
                    .put("label", HostArray.ofLongs(new long[PAIRS], PAIRS)).build();
            return run.outputs(batch, Set.of("embedding")).get("embedding");
        }
    }
}
