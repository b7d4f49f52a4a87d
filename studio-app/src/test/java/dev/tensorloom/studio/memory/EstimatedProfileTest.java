package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.profile.ProfilingPass;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The estimated profile against the measured one on whole templates, same batch. Output bytes come from
 * the inferred shapes and must equal the arrays' bytes. Saved bytes: on deep-chain the outputs of
 * linear, relu and add are all autograd keeps (their inputs are other nodes' outputs), so the estimate is
 * meant to be exact there, within 10% plus 16 KiB of allocator rounding and probe noise on every node, and in
 * sum (measured:
 * estimated/measured 0.80-1.00 per node, 0.946 over all 320 layers at batch 64). Elsewhere the estimate
 * is only reported: layer norm 0.90-0.99 (its statistics are not counted), the mse loss 0.48, and on
 * transformer-reverse at batch 32 the encoder blocks 0.78 (attention internals: scores, softmax and the
 * MLP's hidden layer are estimated, but not everything autograd keeps), the sinusoidal position 0.49,
 * 0.78 over all layers. Outputs equal the arrays' bytes everywhere.
 */
class EstimatedProfileTest {
    private static final Set<String> EXACT_TYPES = Set.of("linear", "relu", "add");

    @Test
    void deepChainOutputsAndSavedBytesOfLinearReluAddMatchTheMeasurement() throws Exception {
        Comparison c = compare("deep-chain", 64);
        long estimatedSum = 0;
        long measuredSum = 0;
        java.util.List<String> off = new java.util.ArrayList<>();
        int exact = 0;
        for (Step s : c.basis.plan().steps()) {
            assertEquals(c.measured.outputBytes(s.index()), c.estimated.outputBytes(s.index()), s.nodeId() + " output");
            if (EXACT_TYPES.contains(s.type().id())) {
                long est = c.estimated.savedBytes(s.index());
                long got = c.measured.savedBytes(s.index());
                exact++;
                estimatedSum += est;
                measuredSum += got;
                if (Math.abs(got - est) > est / 10 + (16 << 10)) {
                    off.add(s.nodeId() + ": estimated " + est + " B, measured " + got + " B");
                }
            }
        }
        // The measurement is process-wide native memory; the profiling pass keeps only readings reproduced
        // across passes, so another thread's allocations (CI once saw 100 KiB on a 64 KiB output when a
        // median of five was kept) must not show up on any node.
        assertTrue(off.isEmpty(), off.size() + " of " + exact + " nodes off: " + off);
        assertTrue(Math.abs(measuredSum - estimatedSum) <= estimatedSum / 10 + (long) exact * (16 << 10),
                "estimated " + estimatedSum + " B, measured " + measuredSum + " B over " + exact + " nodes");
    }

    @Test
    void transformerOutputsMatchAndSavedBytesAreReported() throws Exception {
        Comparison c = compare("transformer-reverse", 32);
        for (Step s : c.basis.plan().steps()) {
            assertEquals(c.measured.outputBytes(s.index()), c.estimated.outputBytes(s.index()), s.nodeId() + " output");
        }
    }

    @Test
    void aScalarHasNoBatchDimension() {
        assertEquals(4, EstimatedProfile.bytes(new TensorType(DType.FLOAT32, java.util.List.of()), 64));
        assertEquals(64 * 10 * 4, EstimatedProfile.bytes(TensorType.f32(Dim.sym("B"), Dim.of(10)), 64));
    }

    private record Comparison(PlanningBasis basis, NodeProfile estimated, NodeProfile measured) { }

    private static Comparison compare(String template, int batch) throws Exception {
        assumeTrue(NativeMemoryProbe.system().available(), "mallinfo2 not available on this platform");
        var project = ProjectReader.fromJson(TemplateCatalog.builtIn().projectJson(template), template + ".tlm");
        var doc = project.document();
        doc.setConfig(doc.config().withBatchSize(batch));
        PlanningBasis basis = PlanningBasis.estimate(doc, BlockCatalog.standard(), OpRegistry.standard());
        NodeProfile est = basis.profile();
        NodeProfile got = profile(basis.plan(), doc.config(), batch);
        PlanningBasis measured = new PlanningBasis(basis.plan(), got, PolicyPlanning.schedule(basis.plan(),
                CheckpointPolicy.none(), got), ProfileSource.MEASURED, batch, true, basis.noneStep());
        long estTotal = 0;
        long gotTotal = 0;
        System.out.printf("%s batch %d: node type estimated-saved measured-saved ratio | estimated-output measured-output%n",
                template, batch);
        for (Step s : basis.plan().steps()) {
            int i = s.index();
            if (!s.isSource()) {
                estTotal += est.savedBytes(i);
                gotTotal += got.savedBytes(i);
            }
            System.out.printf("  %-12s %-16s %10d %10d %6.2f | %10d %10d%n", s.nodeId(), s.type().id(),
                    est.savedBytes(i), got.savedBytes(i), ratio(est.savedBytes(i), got.savedBytes(i)),
                    est.outputBytes(i), got.outputBytes(i));
        }
        System.out.printf("%s batch %d: saved bytes of all layers estimated %d, measured %d, ratio %.3f; none peak "
                + "estimated %d, measured-profile %d%n", template, batch, estTotal, gotTotal, ratio(estTotal, gotTotal),
                basis.none().plan().peakBytes(), measured.none().plan().peakBytes());
        return new Comparison(basis, est, got);
    }

    /** The same profiling pass a measurement plans on, on the estimate's own plan (same step order). */
    private static NodeProfile profile(Plan plan, TrainingConfig config, int batch) {
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed());
                Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            Map<String, NDArray> arrays = new ArrayBatchSource(DatasetRegistry.standard().open(config.dataset(),
                    config.seed())).next(data, batch);
            return ProfilingPass.run(executor, arrays, 0);
        }
    }

    private static double ratio(long estimated, long measured) {
        return measured == 0 ? Double.NaN : (double) estimated / measured;
    }
}
