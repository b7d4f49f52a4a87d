package dev.tensorloom.execution.train;

import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.RectifiedFlowSampler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a class-conditional generative model draws the class it is asked for: samples with
 * {@value #SAMPLER_STEPS} Euler steps of its rectified flow, the same number of each class, are named by a
 * {@link ShapeJudge} trained on real images; {@code class_accuracy_of_samples} is the fraction named as
 * requested, with Wilson's 95% interval over the samples. A final evaluation draws {@value #FINAL_SAMPLES}
 * samples, an intermediate one {@value #INTERMEDIATE_SAMPLES} (sampling costs 20 forward passes each);
 * {@code judge_accuracy_on_real} is the judge's own accuracy on {@value ShapeJudge#REAL_IMAGES} real
 * held-out images. The judge is trained once, at the first evaluation.
 */
public final class SampleClassAccuracy extends ProportionMetric implements ProbingMetric {
    /** The metric's name. */
    public static final String NAME = "class_accuracy_of_samples";
    /** The judge's accuracy on real images. */
    public static final String JUDGE = "judge_accuracy_on_real";
    static final int SAMPLER_STEPS = 20;
    static final int FINAL_SAMPLES = 1024;
    static final int INTERMEDIATE_SAMPLES = 128;
    private static final long SAMPLER_SEED = 7;
    private static final int CHUNK = 256;
    private final String labelField;
    private final int classes;
    private final int size;
    private ShapeJudge judge;

    /**
     * @param labelField the condition field holding the requested class
     * @param classes    how many classes the model draws
     * @param size       the image side in pixels (images are [n, 1, size, size])
     */
    public SampleClassAccuracy(String labelField, int classes, int size) {
        super(NAME);
        this.labelField = labelField;
        this.classes = classes;
        this.size = size;
    }

    @Override
    public void probe(Executor executor, boolean finalEvaluation) {
        if (judge == null) {
            judge = ShapeJudge.train(size);
        }
        int count = finalEvaluation ? FINAL_SAMPLES : INTERMEDIATE_SAMPLES;
        long[] requested = new long[count];
        for (int i = 0; i < count; i++) {
            requested[i] = i % classes;
        }
        RectifiedFlowSampler sampler = new RectifiedFlowSampler(executor.plan(), executor.store());
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            long[] chunk = new long[n];
            System.arraycopy(requested, from, chunk, 0, n);
            // chunks bound the memory of a trajectory (every state is kept); each has its own noise
            float[] samples = sampler.sample(new long[] {n, 1, size, size}, Map.of(labelField, chunk), SAMPLER_STEPS,
                    1.0, SAMPLER_SEED + from).samples();
            long[] named = judge.classify(samples);
            for (int i = 0; i < n; i++) {
                estimator.add(named[i] == chunk[i] ? 1 : 0, 1);
            }
        }
    }

    @Override
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(NAME, value());
        v.put(JUDGE, judge == null ? Double.NaN : judge.realAccuracy());
        return v;
    }

}
