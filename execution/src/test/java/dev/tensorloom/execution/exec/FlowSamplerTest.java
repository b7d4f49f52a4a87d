package dev.tensorloom.execution.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.Checkerboard;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.train.LearningRateSchedule;
import dev.tensorloom.execution.train.Trainer;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowSamplerTest {

    private static Plan compile(Document doc) {
        return Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
    }

    /** x → affine couplings with alternating masks → diag_scale → flow_nll, log-determinants summed. */
    static Document flow(int couplings, int hidden) {
        DocumentBuilder g = new DocumentBuilder().node("x", "input", "field", "x", "shape", "[B, 2]");
        String z = "x.out";
        String logdet = null;
        for (int i = 1; i <= couplings; i++) {
            String c = "c" + i;
            g.node(c, "affine_coupling", "d", 2L, "hidden", (long) hidden, "mask", i % 2 == 1 ? "even" : "odd");
            g.wire(z, c + ".in");
            z = c + ".z";
            logdet = sum(g, logdet, c + ".logdet", i);
        }
        g.node("scale", "diag_scale").wire(z, "scale.in");
        logdet = sum(g, logdet, "scale.logdet", couplings + 1);
        return g.node("nll", "flow_nll").wire("scale.z", "nll.z").wire(logdet, "nll.logdet").build();
    }

    private static String sum(DocumentBuilder g, String running, String next, int i) {
        if (running == null) {
            return next;
        }
        g.node("s" + i, "add").wire(running, "s" + i + ".a").wire(next, "s" + i + ".b");
        return "s" + i + ".out";
    }

    @Test
    void samplesOfADiagonalScaleHaveStandardDeviationExpOfMinusTheLogScale() {
        Plan plan = compile(flow(0, 8));
        SyntheticDataset data = DatasetRegistry.standard().open("two-moons", 1);
        try (ParameterStore store = new ParameterStore(plan.device(), 1);
                Executor executor = new Executor(plan, store, 1);
                NDManager m = NDManager.newBaseManager()) {
            executor.evaluate(ArrayBatchSource.toArrays(m, data.batch(0, 8)), ForwardObserver.NONE);
            store.assign("scale", "log_scale", m.create(new float[] {(float) Math.log(2), (float) -Math.log(2)}));
            FlowSampler sampler = new FlowSampler(plan, store);
            assertEquals(2, sampler.dimension());
            float[] x = sampler.sample(8000, 5);
            double[] sq = new double[2];
            for (int i = 0; i < x.length; i++) {
                sq[i % 2] += x[i] * x[i];
            }
            assertEquals(0.5, Math.sqrt(sq[0] / 8000), 0.02);
            assertEquals(2.0, Math.sqrt(sq[1] / 8000), 0.08);
            assertArrayEquals(x, sampler.sample(8000, 5), "same seed, same samples");
        }
    }

    @Test
    void aBriefTrainedFlowPutsMostSamplesOnTheBlackSquares() {
        Plan plan = compile(flow(4, 32));
        SyntheticDataset data = DatasetRegistry.standard().open("checkerboard", 3);
        ArrayBatchSource source = new ArrayBatchSource(data);
        try (ParameterStore store = new ParameterStore(plan.device(), 3);
                Executor executor = new Executor(plan, store, 3);
                NDManager m = NDManager.newBaseManager()) {
            Trainer trainer = new Trainer(executor, "adam", LearningRateSchedule.constant(1e-2, 10), 0.9, 0, 5.0);
            for (int step = 0; step < 200; step++) {
                try (NDManager b = m.newSubManager()) {
                    Map<String, NDArray> batch = source.next(b, 128);
                    trainer.step(batch, step, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
                }
            }
            float[] x = new FlowSampler(plan, store).sample(2000, 9);
            int black = 0;
            for (int i = 0; i < x.length; i += 2) {
                black += Checkerboard.isBlack(x[i], x[i + 1]) ? 1 : 0;
            }
            double share = black / 2000.0;
            System.out.println("checkerboard black-square share of samples: " + share);
            // chance: a Gaussian fitted to the board puts about 0.45 of its mass on black squares
            assertTrue(share > 0.6, "share " + share);
        }
    }

    @Test
    void aGraphWithoutFlowLossCannotBeSampled() {
        Plan plan = compile(new DocumentBuilder().node("x", "input", "field", "x", "shape", "[B, 2]")
                .node("y", "input", "field", "y", "shape", "[B, 2]").node("l", "mse")
                .wire("x.out", "l.pred").wire("y.out", "l.target").build());
        try (ParameterStore store = new ParameterStore(plan.device(), 1)) {
            assertThrows(IllegalArgumentException.class, () -> new FlowSampler(plan, store));
        }
    }
}
