package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template at a small batch: every policy's gradients match plain backpropagation, bit for bit. */
class TemplateCheckpointGradientTest {
    private static final int BATCH = 2;
    private static final Map<String, Map<String, float[]>> PLAIN = new java.util.HashMap<>();

    private record Result(Map<String, float[]> gradients, StepOutcome outcome, PlannedPolicy schedule) { }

    static java.util.stream.Stream<Arguments> templatesAndPolicies() {
        return TemplateCatalog.builtIn().cards().stream()
                .flatMap(card -> java.util.stream.Stream.of("every-k:2", "sqrt", "revolve:2")
                        .map(policy -> Arguments.of(card.id(), policy)));
    }

    private static Document load(String template) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        return ProjectReader.fromJson(catalog.projectJson(template), catalog.sourceName(template)).document();
    }

    private static Result train(Document doc, Plan plan, CheckpointPolicy policy) {
        long seed = doc.config().seed();
        try (ParameterStore store = new ParameterStore(plan.device(), seed);
                Executor executor = new Executor(plan, store, seed);
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource source = new ArrayBatchSource(DatasetRegistry.standard().open(doc.config().dataset(), seed));
            Map<String, NDArray> batch = source.next(data, BATCH);
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

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("templatesAndPolicies")
    void gradientsMatchNone(String template, String policy) throws Exception {
        Document doc = load(template);
        Plan plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        Map<String, float[]> plain = PLAIN.computeIfAbsent(template,
                t -> train(doc, plan, CheckpointPolicy.none()).gradients());
        Result run = train(doc, plan, CheckpointPolicy.parse(policy));
        assertEquals(run.schedule().predictedForwardEvaluations(), run.outcome().forwardEvaluations());
        assertEquals(plain.keySet(), run.gradients().keySet());
        double worst = 0;
        for (String p : plain.keySet()) {
            float[] a = run.gradients().get(p);
            float[] b = plain.get(p);
            assertEquals(b.length, a.length, p);
            double diff = 0;
            double scale = 1e-30;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
                scale = Math.max(scale, Math.abs(b[i]));
            }
            worst = Math.max(worst, diff / scale);
        }
        // Bit for bit is what the executor achieves on CPU; the contract allows 1e-6 relative.
        assertTrue(worst <= 1e-6, template + " " + policy + " worst relative difference " + worst);
        assertEquals(0.0, worst, template + " " + policy + " is not bit-identical");
    }
}
