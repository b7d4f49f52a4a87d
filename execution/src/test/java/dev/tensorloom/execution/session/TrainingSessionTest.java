package dev.tensorloom.execution.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.SegmentSchedule;
import dev.tensorloom.execution.testing.TestGraphs;
import dev.tensorloom.execution.testing.TestOps;
import dev.tensorloom.execution.testing.TestSource;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    /** Collects everything a session reports. */
    static class Recorder implements RunListener {
        final List<StepMetrics> steps = new CopyOnWriteArrayList<>();
        final List<EvalMetrics> evals = new CopyOnWriteArrayList<>();
        final List<ActivationSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<ExecutorAction> actions = new CopyOnWriteArrayList<>();
        final List<Map<String, Double>> gradNorms = new CopyOnWriteArrayList<>();
        volatile RunSummary finished;
        volatile RunFailure failed;
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void onStep(StepMetrics m) {
            steps.add(m);
        }

        @Override
        public void onEvaluation(EvalMetrics m) {
            evals.add(m);
        }

        @Override
        public void onActivation(ActivationSnapshot s) {
            snapshots.add(s);
        }

        @Override
        public void onGradientNorms(long step, Map<String, Double> norms) {
            gradNorms.add(norms);
        }

        @Override
        public void onExecutorAction(ExecutorAction a) {
            actions.add(a);
        }

        @Override
        public void onFinished(RunSummary s) {
            finished = s;
            done.countDown();
        }

        @Override
        public void onFailed(RunFailure f) {
            failed = f;
            done.countDown();
        }
    }

    private static SessionConfig config(int steps) {
        return SessionConfig.from(TrainingConfig.DEFAULT.withSteps(steps).withBatchSize(8).withSeed(17)
                .withLearningRate(0.01));
    }

    private static Recorder run(Document doc, SessionConfig config) throws InterruptedException {
        Plan plan = Compiler.compile(doc, TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        Recorder r = new Recorder();
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed())) {
            TrainingSession session = new TrainingSession(plan, store, new TestSource(config.seed()), config, r);
            session.start();
            assertTrue(r.done.await(60, TimeUnit.SECONDS));
            assertTrue(session.awaitTermination(10, TimeUnit.SECONDS));
        }
        return r;
    }

    @Test
    void sameSeedOnCpuGivesTheSameLossCurveBitForBit() throws InterruptedException {
        Plan plan = Compiler.compile(TestGraphs.residual(true), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        SessionConfig c = config(6).withActivations(new SegmentSchedule(Set.of(plan.indexOf("sp"))));
        Recorder a = run(TestGraphs.residual(true), c);
        Recorder b = run(TestGraphs.residual(true), c);
        assertNull(a.failed);
        assertEquals(6, a.finished.losses().size());
        assertEquals(a.finished.losses(), b.finished.losses());
        assertTrue(a.finished.losses().get(5) < a.finished.losses().get(0), "it learns");
        assertEquals(1, a.evals.size(), "held-out evaluation at the end");
        assertTrue(a.evals.get(0).values().containsKey("loss"));
        assertEquals(6, a.gradNorms.size());
        assertTrue(a.gradNorms.get(0).containsKey("l1"));
        assertTrue(a.actions.stream().anyMatch(x -> x.kind() == dev.tensorloom.execution.exec.ActionKind.RECOMPUTE));
    }

    @Test
    void aDivisionByZeroStopsTrainingNamingTheFirstNonFiniteNode() throws InterruptedException {
        Document doc = new DocumentBuilder()
                .node("x", "input", "field", "x").node("y", "input", "field", "y")
                .node("a", "lin", "out_features", 4L).node("b", "divzero").node("c", "tanh")
                .node("l", "mse")
                .wire("x.out", "a.in").wire("a.out", "b.in").wire("b.out", "c.in")
                .wire("c.out", "l.pred").wire("y.out", "l.target").build();
        Recorder r = run(doc, config(5).withSnapshots(SnapshotPolicy.all(1)));
        assertNotNull(r.failed);
        assertEquals("b", r.failed.nodeId(), r.failed.message());
        assertTrue(r.failed.message().contains("non-finite"));
        assertTrue(r.steps.isEmpty(), "no step completes");
        ActivationSnapshot b = r.snapshots.stream().filter(s -> s.nodeId().equals("b")).findFirst().orElseThrow();
        assertTrue(b.stats().infCount() + b.stats().nanCount() > 0);
    }

    @Test
    void aGraphWithoutLossFailsWithAClearMessage() throws InterruptedException {
        Recorder r = run(new DocumentBuilder().node("x", "input", "field", "x").node("t", "tanh").wire("x.out", "t.in")
                .build(), config(3));
        assertNotNull(r.failed);
        assertNull(r.failed.nodeId());
        assertTrue(r.failed.message().contains("no loss"), r.failed.message());
    }

    @Test
    void snapshotsOnlyForWatchedNodesEveryNSteps() throws InterruptedException {
        Recorder r = run(TestGraphs.residual(false), config(5).withSnapshots(SnapshotPolicy.nodes(Set.of("l1", "sp"), 2)));
        assertNull(r.failed);
        assertEquals(Set.of("l1", "sp"), Set.copyOf(r.snapshots.stream().map(ActivationSnapshot::nodeId).toList()));
        assertEquals(List.of(0L, 0L, 0L, 2L, 2L, 2L, 4L, 4L, 4L), r.snapshots.stream().map(ActivationSnapshot::step).toList(),
                "steps 0, 2, 4; l1 has one output, sp two");
        assertEquals(List.of("first", "second"), r.snapshots.stream().filter(s -> s.nodeId().equals("sp") && s.step() == 0)
                .map(ActivationSnapshot::port).toList());
        ActivationSnapshot l1 = r.snapshots.get(0);
        assertEquals(8, l1.preview().rows());
        assertEquals(8, l1.preview().cols());
    }

    @Test
    void pauseResumeAndStopTakeEffectBetweenSteps() throws InterruptedException {
        Plan plan = Compiler.compile(TestGraphs.residual(false), TestBlocks.catalog(), TestOps.ops(), DeviceChoice.CPU);
        CountDownLatch twoSteps = new CountDownLatch(2);
        Recorder r = new Recorder() {
            @Override
            public void onStep(StepMetrics m) {
                super.onStep(m);
                twoSteps.countDown();
            }
        };
        try (ParameterStore store = new ParameterStore(plan.device(), 1)) {
            TrainingSession session = new TrainingSession(plan, store, new TestSource(1), config(100_000), r);
            session.start();
            assertTrue(twoSteps.await(30, TimeUnit.SECONDS));
            session.pause();
            long deadline = System.currentTimeMillis() + 10_000;
            while (session.state() != TrainingSession.State.PAUSED && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(TrainingSession.State.PAUSED, session.state());
            int atPause = r.steps.size();
            Thread.sleep(100);
            assertEquals(atPause, r.steps.size(), "no steps while paused");
            session.resume();
            while (r.steps.size() < atPause + 2 && System.currentTimeMillis() < deadline + 10_000) {
                Thread.sleep(5);
            }
            assertTrue(r.steps.size() >= atPause + 2, "resumed");
            session.stop();
            assertTrue(r.done.await(30, TimeUnit.SECONDS));
            assertTrue(session.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.STOPPED, session.state());
            assertTrue(r.finished.stopped());
            assertEquals(r.steps.size(), r.finished.steps());
        }
    }
}
