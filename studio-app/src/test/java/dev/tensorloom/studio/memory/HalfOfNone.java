package dev.tensorloom.studio.memory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.BudgetPlanner;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.PlanGraph;
import dev.tensorloom.execution.checkpoint.SegmentCostModel;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.model.doc.Document;
import java.util.Map;

/**
 * The {@code budget:MB} policy at half of {@code none}'s predicted peak, and a batch at which that is at least
 * 1 MiB (budgets are whole MiB): the batch grows fourfold from {@code start} until {@code none}'s peak reaches
 * {@value #LEAST_PEAK_MIB} MiB. Where no plan reaches half (a model whose largest single node holds more than
 * half the activations), the budget is the least peak any plan reaches plus 2%, rounded up to whole MiB;
 * {@code leastPeakBytes} says which.
 */
record HalfOfNone(int batch, long nonePeakBytes, long leastPeakBytes, CheckpointPolicy budget) {
    static final int LEAST_PEAK_MIB = 4;
    private static final int MAX_BATCH = 4096;

    static HalfOfNone find(Document doc, Plan plan, int start) {
        int batch = start;
        while (true) {
            long[] peaks = peaks(doc, plan, batch);
            long peak = peaks[0];
            if (peak >= LEAST_PEAK_MIB * CheckpointPolicy.BYTES_PER_MB || batch * 4 > MAX_BATCH) {
                long mib = Math.max(1, peak / 2 / CheckpointPolicy.BYTES_PER_MB);
                // The run profiles again after perturbing the weights, and a profile's byte counts can move by a
                // few hundred bytes between passes (CI saw 11,535,120 against 11 MiB here): leave 2% headroom.
                long leastWithHeadroom = peaks[1] + peaks[1] / 50;
                long leastMib = (leastWithHeadroom + CheckpointPolicy.BYTES_PER_MB - 1) / CheckpointPolicy.BYTES_PER_MB;
                return new HalfOfNone(batch, peak, peaks[1], CheckpointPolicy.budgetMb(Math.max(mib, leastMib)));
            }
            batch *= 4;
        }
    }

    /** {@code none}'s predicted peak and the least peak any plan reaches, on one profile. */
    private static long[] peaks(Document doc, Plan plan, int batch) {
        long seed = doc.config().seed();
        try (ParameterStore store = new ParameterStore(plan.device(), seed);
                Executor executor = new Executor(plan, store, seed);
                NDManager data = NDManager.newBaseManager(plan.device())) {
            Map<String, NDArray> arrays = new ArrayBatchSource(DatasetRegistry.standard().open(doc.config().dataset(),
                    seed)).next(data, batch);
            PlannedPolicy none = PolicyPlanning.prepare(executor, arrays, 0, CheckpointPolicy.none());
            PlanGraph graph = none.graph().graph();
            long least = SegmentCostModel.evaluate(graph, BudgetPlanner.leastPeak(graph, none.plan().boundaries()))
                    .peakBytes();
            return new long[] {none.plan().peakBytes(), least};
        }
    }
}
