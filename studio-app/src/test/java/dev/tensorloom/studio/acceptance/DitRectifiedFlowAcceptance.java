package dev.tensorloom.studio.acceptance;

import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.ShapeClassesGenerator;
import dev.tensorloom.execution.exec.RectifiedFlowSampler;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Acceptance run of {@code dit-rectified-flow}: trains the DiT, trains a small classifier on real
 * shapes16 images, samples per class with Euler steps and reports how many samples the classifier
 * labels with the requested class (target ≥ 0.80). Arguments: [dit steps] [safety cap in DiT seconds] [sampler
 * steps] [shift] [evaluate every N steps]; a time cut would stop the cosine schedule half-way, so the default has no
 * cap. The intermediate evaluations (default: none) show how the accuracy grows inside one cosine schedule; their
 * sampling time is not counted in the DiT's training time.
 */
public final class DitRectifiedFlowAcceptance {
    private static final int CLASSES = 4;
    private static final int PER_CLASS = 64;

    private DitRectifiedFlowAcceptance() {
    }

    public static void main(String[] args) {
        int ditSteps = args.length > 0 ? Integer.parseInt(args[0]) : TemplateRun.template("dit-rectified-flow").config().steps();
        double ditSeconds = args.length > 1 ? Double.parseDouble(args[1]) : Double.MAX_VALUE;
        int samplerSteps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double shift = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        int evaluateEvery = args.length > 4 ? Integer.parseInt(args[4]) : ditSteps;
        long start = System.nanoTime();
        System.out.println("load before: " + TemplateRun.load());
        Document dit = TemplateRun.template("dit-rectified-flow");
        try (TemplateRun model = new TemplateRun(dit, ditSteps); TemplateRun classifier = new TemplateRun(classifier(), 150)) {
            classifier.train(150, 64, Double.MAX_VALUE, 50);
            HostBatch real = new ShapeClassesGenerator(16).generate(new DataRandom(999), 512);
            double realAccuracy = accuracy(classifier, real.get("image").floats(), real.get("label").longs());
            System.out.printf("classifier accuracy on real held-out images: %.3f%n", realAccuracy);
            int done = 0;
            double ditTime = 0;
            double ditCpu = 0;
            double sampleAccuracy = Double.NaN;
            while (done < ditSteps && ditTime < ditSeconds) {
                long chunkStart = System.nanoTime();
                double cpuBefore = TemplateRun.cpuSeconds();
                int chunk = Math.min(evaluateEvery, ditSteps - done);
                done += model.train(chunk, model.config().batchSize(), ditSeconds - ditTime, 250);
                ditTime += seconds(chunkStart);
                ditCpu += TemplateRun.cpuSeconds() - cpuBefore;
                sampleAccuracy = sampleAccuracy(model, classifier, samplerSteps, shift);
                System.out.printf("  DiT step %d: sample class accuracy %.3f (training %.0f s, cpu %.0f s, load %s)%n",
                        done, sampleAccuracy, ditTime, ditCpu, TemplateRun.load());
            }
            System.out.printf("RESULT dit-rectified-flow: sample class accuracy %.3f (target 0.80), classifier on real %.3f, "
                    + "%d DiT steps in %.0f s (cpu %.0f s), %d Euler steps, shift %.1f, wall %.0f s, load after: %s%n",
                    sampleAccuracy, realAccuracy, done, ditTime, ditCpu, samplerSteps, shift, seconds(start),
                    TemplateRun.load());
        }
    }

    /** Samples {@value #PER_CLASS} images per class with Euler steps; the fraction the classifier names rightly. */
    private static double sampleAccuracy(TemplateRun model, TemplateRun classifier, int samplerSteps, double shift) {
        long[] labels = new long[CLASSES * PER_CLASS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PER_CLASS;
        }
        RectifiedFlowSampler sampler = new RectifiedFlowSampler(model.plan(), model.store());
        RectifiedFlowSampler.Trajectory trajectory = sampler.sample(new long[] {labels.length, 1, 16, 16},
                Map.of("label", labels), samplerSteps, shift, 7);
        return accuracy(classifier, trajectory.samples(), labels);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Fraction of images whose arg-max logit is their label. */
    static double accuracy(TemplateRun classifier, float[] images, long[] labels) {
        int n = labels.length;
        float[] clipped = images.clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.max(-1, Math.min(1, clipped[i]));
        }
        HostBatch batch = HostBatch.builder().put("image", HostArray.ofFloats(clipped, n, 1, 16, 16))
                .put("label", HostArray.ofLongs(labels, n)).build();
        float[] logits = classifier.outputs(batch, Set.of("logits")).get("logits");
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (logits[i * CLASSES + c] > logits[i * CLASSES + best]) {
                    best = c;
                }
            }
            right += best == labels[i] ? 1 : 0;
        }
        return right / (double) n;
    }

    /** A small CNN that names the shape class of a real shapes16 image. */
    static Document classifier() {
        Document d = new Document();
        add(d, "image", "input", "field", "image", "shape", "[B, 1, 16, 16]", "dtype", "float32");
        add(d, "label", "input", "field", "label", "shape", "[B]", "dtype", "int64");
        add(d, "conv1", "conv2d", "out_channels", 16L, "kernel", 3L, "padding", 1L);
        add(d, "relu1", "relu");
        add(d, "pool1", "maxpool2d", "kernel", 2L, "stride", 2L);
        add(d, "conv2", "conv2d", "out_channels", 32L, "kernel", 3L, "padding", 1L);
        add(d, "relu2", "relu");
        add(d, "pool2", "maxpool2d", "kernel", 2L, "stride", 2L);
        add(d, "flatten", "flatten");
        add(d, "logits", "linear", "out_features", (long) CLASSES);
        add(d, "loss", "cross_entropy");
        String[] chain = {"image", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "logits"};
        for (int i = 0; i + 1 < chain.length; i++) {
            TemplateRun.connect(d, chain[i] + ".out", chain[i + 1] + ".in");
        }
        TemplateRun.connect(d, "logits.out", "loss.pred");
        TemplateRun.connect(d, "label.out", "loss.target");
        d.setConfig(new TrainingConfig("shapes16", "adam", 1e-3, "constant", 0, 0.0, 0.9, 0.0, 64, 300, 0, 0, 5L,
                "cpu", "none"));
        return d;
    }

    private static void add(Document d, String id, String type, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            values.put((String) params[i], params[i + 1]);
        }
        d.addNode(new Node(id, type, id, values, new Position(0, 0), null));
    }
}
