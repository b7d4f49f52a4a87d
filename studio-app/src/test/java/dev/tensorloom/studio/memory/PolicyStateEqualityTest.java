package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run with any checkpoint policy ends where the same run without one ends: after 3 training steps every
 * parameter and every buffer is bit-identical to {@code none}'s. The policies profile the model first (in
 * training mode, moving batch norm's running statistics) and recompute parts of the forward pass (drawing
 * dropout masks and a rectified flow's noise again), so this holds only when both leave no trace. The
 * templates: face-arcface (batch norm), dit-rectified-flow (random times and noise in training), and
 * transformer-reverse with dropout 0.1 in every Transformer block (no template ships with dropout on).
 */
class PolicyStateEqualityTest {
    private static final int STEPS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"face-arcface", "dit-rectified-flow", "transformer-reverse+dropout"})
    void everyPolicyEndsWithTheParametersAndBuffersOfNone(String which) throws Exception {
        Document doc = document(which);
        Plan plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        HalfOfNone half = HalfOfNone.find(doc, plan, 4);
        Map<String, byte[]> none = train(doc, "none", half.batch());
        for (String policy : List.of("every-k:2", "sqrt", "revolve:3", half.budget().toString())) {
            Map<String, byte[]> other = train(doc, policy, half.batch());
            assertEquals(none.keySet(), other.keySet(), policy);
            for (String key : none.keySet()) {
                assertArrayEquals(none.get(key), other.get(key), which + " with " + policy + ": " + key
                        + " differs from none's after " + STEPS + " steps (batch " + half.batch() + ")");
            }
        }
        assertTrue(none.keySet().stream().anyMatch(k -> k.startsWith("buffer ")) || !which.startsWith("face"),
                "face-arcface's batch norms have running statistics to compare");
    }

    /** Trains {@value #STEPS} steps with {@code policy}; every parameter's and buffer's bytes afterwards. */
    private static Map<String, byte[]> train(Document doc, String policy, int batch) throws Exception {
        RunOptions options = RunOptions.PROJECT.withSteps(STEPS).withBatchSize(batch).withCheckpointPolicy(policy)
                .withDevice("cpu");
        AtomicReference<RunFailure> failure = new AtomicReference<>();
        try (PreparedRun run = RunSetup.standard().prepare(doc, options)) {
            TrainingSession session = run.session(new RunListener() {
                @Override
                public void onFailed(RunFailure f) {
                    failure.set(f);
                }
            });
            session.start();
            assertTrue(session.awaitTermination(30, TimeUnit.MINUTES));
            assertNull(failure.get(), () -> policy + ": " + failure.get().message());
            Map<String, byte[]> state = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> p : run.store().parameters()) {
                state.put("parameter " + p.getKey(), p.getValue().toByteArray());
            }
            for (Map.Entry<String, NDArray> b : run.store().buffers()) {
                state.put("buffer " + b.getKey(), b.getValue().toByteArray());
            }
            return state;
        }
    }

    private static Document document(String which) throws Exception {
        String id = which.replace("+dropout", "");
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Document doc = ProjectReader.fromJson(catalog.projectJson(id), catalog.sourceName(id)).document();
        if (which.endsWith("+dropout")) {
            List<Node> blocks = new ArrayList<>();
            for (Node n : doc.nodes()) {
                if (n.params().containsKey("dropout") || BlockCatalog.standard().require(n.type()).params().stream()
                        .anyMatch(p -> p.name().equals("dropout"))) {
                    blocks.add(n);
                }
            }
            assertTrue(!blocks.isEmpty(), "transformer-reverse has blocks with a dropout parameter");
            for (Node n : blocks) {
                Map<String, Object> params = new LinkedHashMap<>(n.params());
                params.put("dropout", 0.1);
                doc.replaceNode(n.withParams(params));
            }
        }
        return doc;
    }
}
