package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics chosen from the loss node, checked against direct computations on held-out data. */
class MetricsForDatasetTest {

    private static Plan compile(Document doc) {
        return Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
    }

    @Test
    void anUntrainedFlowScoresTheStandardNormalAgainstTheFittedGaussian() {
        // diag_scale starts at log-scale 0: z = x, logdet 0, so flow NLL = ½|x|² + log 2π
        Plan plan = compile(new DocumentBuilder().node("x", "input", "field", "x", "shape", "[B, 2]")
                .node("scale", "diag_scale").node("nll", "flow_nll")
                .wire("x.out", "scale.in").wire("scale.z", "nll.z").wire("scale.logdet", "nll.logdet").build());
        SyntheticDataset data = DatasetRegistry.standard().open("two-moons", 4);
        List<MetricBinding> metrics = MetricsForDataset.forPlan(plan, data, 64);
        assertEquals(1, metrics.size());
        assertInstanceOf(FlowLikelihoodMetric.class, metrics.get(0).metric());

        List<HostBatch> train = new ArrayList<>();
        for (int i = 0; i < MetricsForDataset.BASELINE_BATCHES; i++) {
            train.add(data.batch(i, 64));
        }
        float[] all = new float[train.size() * 128];
        for (int i = 0; i < train.size(); i++) {
            System.arraycopy(train.get(i).get("x").floats(), 0, all, i * 128, 128);
        }
        GaussianFit fit = GaussianFit.of(all, 2);
        double flow = 0;
        double gaussian = 0;
        int n = 0;
        for (HostBatch b : data.heldOut()) {
            float[] x = b.get("x").floats();
            for (int i = 0; i < x.length; i += 2) {
                flow += 0.5 * (x[i] * x[i] + x[i + 1] * x[i + 1]) + Math.log(2 * Math.PI);
                gaussian += fit.nll(x, i);
                n++;
            }
        }
        try (ParameterStore store = new ParameterStore(plan.device(), 4);
                Executor executor = new Executor(plan, store, 4);
                NDManager m = NDManager.newBaseManager()) {
            Map<String, Double> v = Evaluator.evaluate(executor, new ArrayBatchSource(data).heldOut(m), metrics).values();
            assertEquals(flow / n, v.get("heldout_nll"), 1e-4);
            assertEquals(v.get("loss"), v.get("heldout_nll"), 1e-5, "equal batches: mean of means");
            assertEquals(gaussian / n, v.get("gaussian_nll"), 1e-6);
            assertEquals(v.get("gaussian_nll") - v.get("heldout_nll"), v.get("nll_gap"), 1e-12);
        }
    }

    @Test
    void tokenAccuracyFollowsSplitPartsOfLogitsAndTargets() {
        // the loss sees only the last 3 positions of 8, through split nodes
        Plan plan = compile(new DocumentBuilder()
                .node("tokens", "input", "field", "tokens", "shape", "[B, 8]", "dtype", "int64")
                .node("target", "input", "field", "target", "shape", "[B, 8]", "dtype", "int64")
                .node("embed", "embedding", "vocab", 10L, "dim", 8L).node("head", "linear", "out_features", 10L)
                .node("cut", "split", "axis", 1L, "split_size", 5L)
                .node("cut_target", "split", "axis", 1L, "split_size", 5L).node("loss", "cross_entropy")
                .wire("tokens.out", "embed.in").wire("embed.out", "head.in").wire("head.out", "cut.in")
                .wire("target.out", "cut_target.in").wire("cut.b", "loss.pred").wire("cut_target.b", "loss.target")
                .build());
        SyntheticDataset data = DatasetRegistry.standard().open("seq-reverse?length=8", 2);
        List<MetricBinding> metrics = MetricsForDataset.forPlan(plan, data, 16);
        assertEquals(1, metrics.size());
        try (ParameterStore store = new ParameterStore(plan.device(), 2);
                Executor executor = new Executor(plan, store, 2);
                NDManager m = NDManager.newBaseManager()) {
            List<Map<String, NDArray>> heldOut = new ArrayBatchSource(data).heldOut(m);
            long[] hits = new long[2];
            for (Map<String, NDArray> batch : heldOut) {
                long[] target = batch.get("target").toLongArray();
                executor.evaluate(batch, (step, outputs, published) -> {
                    if (step.nodeId().equals("head")) {
                        long[] predicted = outputs.get(0).argMax(-1).toLongArray();
                        for (int i = 0; i < predicted.length; i++) {
                            if (i % 8 >= 5) {
                                hits[0] += predicted[i] == target[i] ? 1 : 0;
                                hits[1]++;
                            }
                        }
                    }
                });
            }
            Map<String, Double> v = Evaluator.evaluate(executor, heldOut, metrics).values();
            assertEquals((double) hits[0] / hits[1], v.get("token_accuracy"), 1e-12);
            assertTrue(hits[1] == 3L * DatasetRegistry.HELD_OUT_BATCHES * DatasetRegistry.HELD_OUT_BATCH_SIZE);
        }
    }
}
