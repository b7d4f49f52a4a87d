package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.SegmentSchedule;
import dev.tensorloom.execution.resume.TrainingStateFile;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.execution.testing.TestSource;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.testing.TestBlocks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run saved at step k and resumed gives the loss curve, the evaluations, the weights and the optimizer
 * state of the run that never stopped, bit for bit (CPU): through a training-state file, with dropout,
 * warm-up and a cosine schedule, gradient clipping, and a checkpoint policy.
 */
class ResumeTest {
    private static final int K = 8;
    private static final int STEPS = 2 * K;

    @TempDir
    Path dir;

    private static SessionConfig config(String optimizer, Plan plan, boolean checkpointed) {
        TrainingConfig c = new TrainingConfig("", optimizer, 0.02, "cosine", 3, 0.01, 0.9, 0.5, 8, STEPS, 0, 5,
                17L, "cpu", "none");
        SessionConfig s = SessionConfig.from(c);
        return checkpointed ? s.withActivations(new SegmentSchedule(Set.of(plan.indexOf("sp")))) : s;
    }

    /** What a run leaves behind. */
    private record Ran(List<Double> losses, List<EvalMetrics> evals, Map<String, byte[]> arrays,
            TrainingState saved, TrainingState last) {
    }

    private static Ran run(Plan plan, SessionConfig config, TrainingState from) throws InterruptedException {
        TrainingSessionTest.Recorder r = new TrainingSessionTest.Recorder();
        List<TrainingState> periodic = new CopyOnWriteArrayList<>();
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed())) {
            TrainingSession session = new TrainingSession(plan, store, new TestSource(config.seed()), config, r);
            session.keepFinalState();
            session.saveEvery(K, periodic::add);
            if (from != null) {
                session.resumeFrom(from);
            }
            session.start();
            assertTrue(r.done.await(120, TimeUnit.SECONDS));
            assertTrue(session.awaitTermination(10, TimeUnit.SECONDS));
            assertNull(r.failed, () -> r.failed.message());
            return new Ran(r.finished.losses(), List.copyOf(r.evals), store.encode(),
                    periodic.isEmpty() ? null : periodic.get(0), session.finalState());
        }
    }

    @ParameterizedTest
    @CsvSource({"adamw, false", "adam, true", "sgd, false"})
    void aRunResumedAtStepKContinuesExactlyAsTheRunThatNeverStopped(String optimizer, boolean checkpointed)
            throws Exception {
        Plan plan = Compiler.compile(TestGraphs.residual(true), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        SessionConfig config = config(optimizer, plan, checkpointed);
        Ran straight = run(plan, config, null);
        assertNotNull(straight.saved(), "a state was saved at step " + K);
        assertEquals(K, straight.saved().step());

        TrainingStateFile.save(dir, straight.saved(), JsonNodeFactory.instance.objectNode());
        TrainingState loaded = TrainingStateFile.load(dir).state();
        Ran resumed = run(plan, config, loaded);

        assertEquals(STEPS, straight.losses().size());
        assertEquals(straight.losses(), resumed.losses(), "every loss, bit for bit");
        List<EvalMetrics> after = straight.evals().stream().filter(e -> e.step() > K).toList();
        assertEquals(after, resumed.evals(), "held-out evaluations after the resume");
        assertEquals(straight.arrays().keySet(), resumed.arrays().keySet());
        straight.arrays().forEach((key, bytes) -> assertArrayEquals(bytes, resumed.arrays().get(key), key));
        assertEquals(STEPS, resumed.last().optimizer().updates());
        straight.last().optimizer().slots().forEach((key, slots) -> {
            for (int i = 0; i < slots.size(); i++) {
                assertArrayEquals(slots.get(i), resumed.last().optimizer().slots().get(key).get(i), key + " slot " + i);
            }
        });
    }
}
