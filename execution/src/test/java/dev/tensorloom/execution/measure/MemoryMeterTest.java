package dev.tensorloom.execution.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.memory.MemoryPhase;
import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.testing.ChainGraphs;
import dev.tensorloom.model.catalog.BlockCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryMeterTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oneSamplePerActionWithTheExecutorsLedger(boolean measurable) {
        Plan plan = Compiler.compile(ChainGraphs.deepChain(3, 16), BlockCatalog.standard(), OpRegistry.standard(),
                DeviceChoice.CPU);
        NativeMemoryProbe probe = measurable ? NativeMemoryProbe.system() : NativeMemoryProbe.unavailable();
        try (ParameterStore store = new ParameterStore(plan.device(), 3);
                Executor executor = new Executor(plan, store, 3);
                NDManager data = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = ChainGraphs.batch(data, 8, 16, 1);
            PlannedPolicy schedule = PolicyPlanning.prepare(executor, batch, 0, CheckpointPolicy.sqrt());
            List<ExecutorAction> actions = new ArrayList<>();
            MemoryMeter meter = new MemoryMeter(probe);
            ExecutorListener both = a -> {
                actions.add(a);
                meter.onAction(a);
            };
            var outcome = executor.train(batch, 1, schedule.activations(), both, ForwardObserver.NONE);

            List<MemorySample> samples = meter.samples();
            assertEquals(actions.size(), samples.size());
            for (int i = 0; i < samples.size(); i++) {
                ExecutorAction a = actions.get(i);
                MemorySample s = samples.get(i);
                assertEquals(i, s.sequence());
                assertEquals(a.nodeId(), s.nodeId());
                assertEquals(MemoryPhase.valueOf(a.kind().name()), s.phase());
                assertEquals(a.heldBytes(), s.ledgerBytes(), "ledger mirrors the executor at " + i);
                assertEquals(probe.available(), s.measuredBytes().isPresent());
            }
            assertEquals(outcome.peakHeldBytes(), meter.peakLedgerBytes());
            assertTrue(samples.stream().anyMatch(s -> s.phase() == MemoryPhase.RECOMPUTE));
            if (measurable) {
                assertTrue(meter.peakMeasuredAboveBaseline().isPresent());
            } else {
                assertTrue(meter.peakMeasuredBytes().isEmpty(), "never a made-up figure");
                assertTrue(meter.peakMeasuredAboveBaseline().isEmpty());
            }
        }
    }
}
