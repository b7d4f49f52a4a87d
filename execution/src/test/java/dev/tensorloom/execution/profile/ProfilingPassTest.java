package dev.tensorloom.execution.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.measure.MemoryComparison;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.memory.ReadingQuorum;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.testing.ChainGraphs;
import dev.tensorloom.model.catalog.BlockCatalog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Profiled saved bytes against the exact bytes of each node's saved tensors, on a two-block deep chain of
 * 64 × 512 float32 activations (128 KiB each). Linear, relu and add keep exactly their output for the
 * backward pass (their saved inputs are the producers' outputs, their saved weights are parameters);
 * layernorm also keeps its per-row mean and reciprocal standard deviation (2 × 64 floats).
 */
class ProfilingPassTest {
    private static final int ROWS = 64;
    private static final int WIDTH = 512;
    private static final long ACTIVATION = (long) ROWS * WIDTH * Float.BYTES;
    private static final long BURST = 6_700_000;
    private static final long RAMP = 40_000;

    @Test
    void aBurstOfForeignAllocationsIsNotPinnedOnTheNodeItHappenedDuring() {
        NativeMemoryProbe system = NativeMemoryProbe.system();
        assumeTrue(system.available(), "mallinfo2 not available on this platform");
        Plan plan = plan();
        int target = stepOf(plan, "b1_relu");
        // Readings of the first measured pass: its start, then one per forward action in plan order, then
        // its end. The burst appears while b1_relu runs and is gone by the pass's end, as a short-lived
        // JIT compiler arena would be.
        AtomicLong readings = new AtomicLong();
        NativeMemoryProbe bursty = NativeMemoryProbe.reading(() -> {
            long r = readings.incrementAndGet();
            boolean during = r >= 2 + target && r <= 1 + plan.size();
            return system.inUseBytes().getAsLong() + (during ? BURST : 0);
        });
        NodeProfile profile = profile(plan, bursty);
        assertTrue(readings.get() >= ReadingQuorum.QUORUM * (2 + plan.size()), "every pass was read");
        assertEveryNodeHoldsItsSavedTensors(plan, profile);
    }

    @Test
    void memoryAnotherThreadTakesOverSeveralPassesIsNotPinnedOnTheNodes() {
        NativeMemoryProbe system = NativeMemoryProbe.system();
        assumeTrue(system.available(), "mallinfo2 not available on this platform");
        Plan plan = plan();
        // As a C2 compilation does (measured: 14 MiB over three passes, then freed): native memory grows by
        // RAMP at every reading of the first three measured passes, so each of their nodes reads RAMP more in
        // all three alike, and a median of five passes keeps it on every node. Then the memory is given back.
        int perPass = 2 + plan.size();
        AtomicLong readings = new AtomicLong();
        NativeMemoryProbe ramp = NativeMemoryProbe.reading(() -> {
            long r = readings.incrementAndGet();
            return system.inUseBytes().getAsLong() + (r <= 3L * perPass ? r * RAMP : 0);
        });
        NodeProfile profile = profile(plan, ramp);
        assertTrue(readings.get() >= 3L * perPass + ReadingQuorum.QUORUM * perPass, "passes after the ramp were read");
        assertEveryNodeHoldsItsSavedTensors(plan, profile);
    }

    @Test
    void predictedPeakWithoutCheckpointingIsTheSumOfTheSavedTensorsAndMatchesTheMeasuredPeak() {
        NativeMemoryProbe probe = NativeMemoryProbe.system();
        assumeTrue(probe.available(), "mallinfo2 not available on this platform");
        Plan plan = plan();
        try (ParameterStore store = new ParameterStore(plan.device(), 5);
                Executor executor = new Executor(plan, store, 5);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ChainGraphs.batch(data, ROWS, WIDTH, 11);
            MemoryComparison.Result r = MemoryComparison.run(executor, batch, CheckpointPolicy.parse("every-k:5"), 1,
                    probe);
            // By hand: 10 layers of 128 KiB plus two layernorm statistics; the mse loss holds pred - target
            // (saved for the square's backward), its square (alive in the node's manager until the node is
            // released) and the 4-byte mean.
            long byHand = 10 * ACTIVATION + 2 * 2 * ROWS * Float.BYTES + 2 * ACTIVATION + Float.BYTES;
            long predicted = r.baseline().schedule().plan().peakBytes();
            assertTrue(Math.abs(predicted - byHand) <= byHand / 20 + 8192 * 11L,
                    "predicted " + predicted + ", by hand " + byHand);
            long measured = r.baseline().peakMeasuredBytes().getAsLong();
            assertTrue(Math.abs(measured - predicted) <= predicted / 10 + (1 << 20),
                    "none: measured " + measured + ", predicted " + predicted);
        }
    }

    /** Every layer's output is one activation, and its profiled saved bytes are its saved tensors' bytes. */
    private static void assertEveryNodeHoldsItsSavedTensors(Plan plan, NodeProfile profile) {
        for (Step s : plan.steps()) {
            if (s.isSource() || s.isLoss()) {
                continue;
            }
            long exact = exactSavedBytes(s.nodeId());
            long saved = profile.savedBytes(s.index());
            assertEquals(ACTIVATION, profile.outputBytes(s.index()), s.nodeId());
            // Beyond the tensors: malloc headers and libtorch's tensor and autograd-node objects.
            assertTrue(Math.abs(saved - exact) <= exact / 20 + 8192,
                    s.nodeId() + ": profiled " + saved + " bytes, its saved tensors take " + exact);
        }
    }

    private static long exactSavedBytes(String nodeId) {
        return nodeId.endsWith("_norm") ? ACTIVATION + 2L * ROWS * Float.BYTES : ACTIVATION;
    }

    private static Plan plan() {
        return Compiler.compile(ChainGraphs.deepChain(2, WIDTH), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
    }

    private static int stepOf(Plan plan, String nodeId) {
        return plan.steps().stream().filter(s -> s.nodeId().equals(nodeId)).findFirst().orElseThrow().index();
    }

    private static NodeProfile profile(Plan plan, NativeMemoryProbe probe) {
        try (ParameterStore store = new ParameterStore(plan.device(), 5);
                Executor executor = new Executor(plan, store, 5);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ChainGraphs.batch(data, ROWS, WIDTH, 11);
            return ProfilingPass.run(executor, batch, 0, probe);
        }
    }
}
