package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.FieldSpec;
import dev.tensorloom.execution.data.GlyphFaceGenerator;
import dev.tensorloom.execution.data.HostArray;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.model.shape.DType;
import java.util.Map;

/**
 * Face verification on people the model never saw: {@link #PAIRS} picture pairs of unseen identities, half
 * the same person and half two different people, are embedded by the model; two pictures are called the
 * same person when the cosine similarity of their embeddings reaches a threshold. The threshold is the best
 * one on a validation split of {@value #IDENTITIES_PER_SPLIT} identities; {@code verification_accuracy} is
 * the fraction of pairs of a disjoint test split of {@value #IDENTITIES_PER_SPLIT} more identities called
 * right, with Wilson's 95% interval over the test pairs. Pairs are drawn with fixed seeds, so every
 * evaluation of every run scores the same pictures.
 */
public final class FaceVerification extends ProportionMetric implements ProbingMetric {
    /** The metric's name. */
    public static final String NAME = "verification_accuracy";
    /** Test pairs (and as many validation pairs). */
    public static final int PAIRS = 1000;
    /** Identities in each of the validation and test splits. */
    public static final int IDENTITIES_PER_SPLIT = 50;
    /** How far past the training identities the unseen ones start. */
    static final long UNSEEN_OFFSET = 1_000_000;
    private static final int CHUNK = 250;

    private final NodeOutput embedding;
    private final Pairs validation;
    private final Pairs test;
    private final Map<String, FieldSpec> fields;
    private double threshold = Double.NaN;

    /**
     * @param embedding        the node output whose cosine similarity decides
     * @param trainingFaces    the dataset the model trains on (its size and identities)
     * @param fields           every field the plan's input nodes read, by name
     */
    public FaceVerification(NodeOutput embedding, GlyphFaceGenerator trainingFaces, Map<String, FieldSpec> fields) {
        super(NAME);
        this.embedding = embedding;
        long first = trainingFaces.firstIdentity() + trainingFaces.identities() + UNSEEN_OFFSET;
        this.validation = Pairs.draw(trainingFaces.size(), first, 11);
        this.test = Pairs.draw(trainingFaces.size(), first + IDENTITIES_PER_SPLIT, 12);
        this.fields = Map.copyOf(fields);
    }

    @Override
    public void reset() {
        super.reset();
        threshold = Double.NaN;
    }

    @Override
    public void probe(Executor executor, boolean finalEvaluation) {
        double[] validationSimilarity = validation.similarities(this, executor);
        threshold = bestThreshold(validationSimilarity, validation.same());
        double[] testSimilarity = test.similarities(this, executor);
        for (int i = 0; i < testSimilarity.length; i++) {
            estimator.add((testSimilarity[i] >= threshold) == test.same()[i] ? 1 : 0, 1);
        }
    }

    /** The threshold chosen on the validation pairs at the last probe. */
    public double threshold() {
        return threshold;
    }

    /** The similarity at which calling "same" from there on is right most often on these pairs. */
    static double bestThreshold(double[] similarity, boolean[] same) {
        double best = 0;
        int bestRight = -1;
        for (double t : similarity) {
            int right = 0;
            for (int i = 0; i < similarity.length; i++) {
                right += (similarity[i] >= t) == same[i] ? 1 : 0;
            }
            if (right > bestRight) {
                bestRight = right;
                best = t;
            }
        }
        return best;
    }

    /** Embeddings of {@code count} pictures [count, 1, S, S], in chunks through an evaluation pass. */
    private float[][] embed(Executor executor, float[] pictures, int count, int size) {
        int plane = size * size;
        float[][] out = new float[count][];
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            float[] chunk = new float[n * plane];
            System.arraycopy(pictures, from * plane, chunk, 0, n * plane);
            HostBatch batch = batch(chunk, n, size);
            int offset = from;
            try (NDManager m = NDManager.newBaseManager(executor.plan().device())) {
                executor.evaluate(ArrayBatchSource.toArrays(m, batch), (Step s, ai.djl.ndarray.NDList outputs,
                        Map<String, NDArray> published) -> {
                    if (s.nodeId().equals(embedding.nodeId())) {
                        float[] e = outputs.get(embedding.output()).toFloatArray();
                        int d = e.length / n;
                        for (int i = 0; i < n; i++) {
                            float[] row = new float[d];
                            System.arraycopy(e, i * d, row, 0, d);
                            out[offset + i] = row;
                        }
                    }
                });
            }
        }
        return out;
    }

    /** The pictures under the image field; every other field the graph reads is zeros (labels are unused). */
    private HostBatch batch(float[] pictures, int n, int size) {
        HostBatch.Builder b = HostBatch.builder();
        fields.forEach((name, spec) -> {
            if (name.equals("image")) {
                b.put(name, HostArray.ofFloats(pictures, n, 1, size, size));
            } else if (spec.dtype() == DType.INT64) {
                b.put(name, HostArray.ofLongs(new long[n], n));
            } else {
                b.put(name, HostArray.ofFloats(new float[n], n));
            }
        });
        return b.build();
    }

    /** Picture pairs of unseen identities; even pairs show one person twice, odd pairs two people. */
    record Pairs(float[] left, float[] right, boolean[] same, int size) {
        static Pairs draw(int size, long firstIdentity, long seed) {
            GlyphFaceGenerator faces = new GlyphFaceGenerator(size, IDENTITIES_PER_SPLIT, firstIdentity);
            DataRandom r = new DataRandom(seed);
            int plane = size * size;
            float[] left = new float[PAIRS * plane];
            float[] right = new float[PAIRS * plane];
            boolean[] same = new boolean[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                int a = r.nextInt(IDENTITIES_PER_SPLIT);
                int b = a;
                same[i] = i % 2 == 0;
                if (!same[i]) {
                    b = (a + 1 + r.nextInt(IDENTITIES_PER_SPLIT - 1)) % IDENTITIES_PER_SPLIT;
                }
                System.arraycopy(faces.picture(a, r), 0, left, i * plane, plane);
                System.arraycopy(faces.picture(b, r), 0, right, i * plane, plane);
            }
            return new Pairs(left, right, same, size);
        }

        double[] similarities(FaceVerification metric, Executor executor) {
            float[][] l = metric.embed(executor, left, PAIRS, size);
            float[][] r = metric.embed(executor, right, PAIRS, size);
            double[] similarity = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                similarity[i] = cosine(l[i], r[i]);
            }
            return similarity;
        }

        private static double cosine(float[] a, float[] b) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int k = 0; k < a.length; k++) {
                dot += a[k] * b[k];
                na += a[k] * a[k];
                nb += b[k] * b[k];
            }
            return dot / Math.sqrt(na * nb + 1e-12);
        }
    }
}
