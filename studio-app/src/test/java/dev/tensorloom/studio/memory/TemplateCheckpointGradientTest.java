package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template, every policy: the loss and every parameter's gradient equal plain backpropagation's, bit for
 * bit. Before the step every parameter is moved off its initial value by seeded noise: several templates start
 * layers at zero (adaLN-Zero in the DiT, the last layer of each coupling in RealNVP and NICE), and gradients
 * through a zero layer are zero whatever the schedule did, which would make the comparison vacuous. The budget
 * policy gets half of {@code none}'s predicted peak (or the least peak any plan reaches, where that is more), at a
 * batch where that is at least 1 MiB ({@link HalfOfNone}).
 */
class TemplateCheckpointGradientTest {
    /** Noise added to each parameter: this fraction of its RMS, and at least {@value #FLOOR} (zero layers). */
    private static final double NOISE = 0.1;
    private static final double FLOOR = 0.05;
    private static final Map<String, HalfOfNone> BATCHES = new HashMap<>();
    private static final Map<String, Result> PLAIN = new HashMap<>();

    private record Result(Map<String, float[]> gradients, StepOutcome outcome, PlannedPolicy schedule) { }

    static Stream<Arguments> templatesAndPolicies() {
        return TemplateCatalog.builtIn().cards().stream()
                .flatMap(card -> Stream.of("every-k:2", "sqrt", "revolve:2", "budget at half of none")
                        .map(policy -> Arguments.of(card.id(), policy)));
    }

    private static Document load(String template) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        return ProjectReader.fromJson(catalog.projectJson(template), catalog.sourceName(template)).document();
    }

    private static Result train(Document doc, Plan plan, CheckpointPolicy policy, int batchSize) {
        long seed = doc.config().seed();
        try (ParameterStore store = new ParameterStore(plan.device(), seed);
                Executor executor = new Executor(plan, store, seed);
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource source = new ArrayBatchSource(DatasetRegistry.standard().open(doc.config().dataset(), seed));
            Map<String, NDArray> batch = source.next(data, batchSize);
            executor.evaluate(batch, ForwardObserver.NONE); // creates every parameter
            perturb(store, seed);
            PlannedPolicy schedule = PolicyPlanning.prepare(executor, batch, 0, policy);
            StepOutcome outcome = executor.train(batch, 1, schedule.activations(), ExecutorListener.NONE,
                    ForwardObserver.NONE);
            Map<String, float[]> grads = new LinkedHashMap<>();
            try (NDManager tmp = NDManager.newBaseManager()) {
                for (Map.Entry<String, NDArray> e : store.parameters()) {
                    grads.put(e.getKey(), ParameterStore.gradient(e.getValue(), tmp).toFloatArray());
                }
            }
            return new Result(grads, outcome, schedule);
        }
    }

    /** Adds seeded Gaussian noise to every parameter in place, the same for every policy. */
    private static void perturb(ParameterStore store, long seed) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Map.Entry<String, NDArray> e : store.parameters()) {
                float[] values = e.getValue().toFloatArray();
                double squares = 0;
                for (float v : values) {
                    squares += v * v;
                }
                double scale = NOISE * Math.max(Math.sqrt(squares / Math.max(1, values.length)), FLOOR);
                DataRandom random = new DataRandom(seed * 31 + e.getKey().hashCode());
                for (int i = 0; i < values.length; i++) {
                    values[i] += (float) (scale * random.nextGaussian());
                }
                e.getValue().set(FloatBuffer.wrap(values));
            }
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("templatesAndPolicies")
    void lossAndGradientsMatchNoneAfterPerturbingEveryParameter(String template, String policyName) throws Exception {
        Document doc = load(template);
        Plan plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        HalfOfNone half = BATCHES.computeIfAbsent(template, t -> HalfOfNone.find(doc, plan, 2));
        CheckpointPolicy policy = policyName.startsWith("budget") ? half.budget() : CheckpointPolicy.parse(policyName);
        Result plain = PLAIN.computeIfAbsent(template, t -> train(doc, plan, CheckpointPolicy.none(), half.batch()));
        Result run = train(doc, plan, policy, half.batch());
        String what = template + " with " + policy + " at batch " + half.batch();
        assertEquals(run.schedule().predictedForwardEvaluations(), run.outcome().forwardEvaluations(), what);
        if (policy.kind() == CheckpointPolicy.Kind.BUDGET) {
            assertTrue(run.schedule().plan().peakBytes() <= policy.budgetBytes(), what);
            assertTrue(run.outcome().recomputations() > 0 || half.nonePeakBytes() <= policy.budgetBytes(),
                    what + " drops something to fit half of none's " + half.nonePeakBytes() + " bytes");
        }
        assertEquals(Double.doubleToLongBits(plain.outcome().loss()), Double.doubleToLongBits(run.outcome().loss()),
                what + ": loss " + run.outcome().loss() + " vs none's " + plain.outcome().loss());
        assertEquals(plain.gradients().keySet(), run.gradients().keySet());
        int nonZero = 0;
        java.util.List<String> flat = new java.util.ArrayList<>();
        for (String p : plain.gradients().keySet()) {
            boolean moved = false;
            for (float g : plain.gradients().get(p)) {
                moved |= g != 0;
            }
            if (!moved) {
                flat.add(p);
            }
            float[] a = run.gradients().get(p);
            float[] b = plain.gradients().get(p);
            assertEquals(b.length, a.length, p);
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                    throw new AssertionError(what + ": gradient of " + p + "[" + i + "] is " + a[i] + ", none's " + b[i]);
                }
                nonZero += b[i] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > 0, what + ": every gradient is zero, so the comparison says nothing");
        assertEquals(java.util.List.of(), flat, what + ": parameters whose gradient is zero everywhere compare nothing");
    }
}
