package dev.tensorloom.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.SyntheticDataset;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.train.Evaluator;
import dev.tensorloom.execution.train.LearningRateSchedule;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.execution.train.MetricsForDataset;
import dev.tensorloom.execution.train.Trainer;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every gallery template trains: a short run at a small batch with the template's own optimiser and
 * peak learning rate lowers the loss, and the held-out evaluation reports the card's metric.
 */
class TemplateTrainingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "transformer-reverse, 32, 30, token_accuracy",
        "realnvp-moons, 128, 30, nll_gap",
        "nice-checkerboard, 128, 30, nll_gap",
        "mamba-selective-copy, 8, 20, token_accuracy",
        "s4d-selective-copy, 8, 20, token_accuracy",
        "spp-detector, 4, 20, voc_map50",
        "detr-shapes, 4, 20, voc_map50"})
    void lossFallsInAShortRun(String id, int batch, int steps, String metric) throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Document doc = ProjectReader.fromJson(catalog.projectJson(id), catalog.sourceName(id)).document();
        TrainingConfig c = doc.config();
        assertTrue(catalog.require(id).metric().equals(metric), "the card names the metric the evaluation reports");
        Plan plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        SyntheticDataset data = DatasetRegistry.standard().open(c.dataset(), c.seed());
        ArrayBatchSource source = new ArrayBatchSource(data);
        List<Double> losses = new ArrayList<>();
        try (ParameterStore store = new ParameterStore(plan.device(), c.seed());
                Executor executor = new Executor(plan, store, c.seed());
                NDManager m = NDManager.newBaseManager()) {
            Trainer trainer = new Trainer(executor, c.optimizer(), LearningRateSchedule.constant(c.learningRate(), 0),
                    c.momentum(), c.weightDecay(), c.gradientClip());
            for (int step = 0; step < steps; step++) {
                try (NDManager b = m.newSubManager()) {
                    Map<String, NDArray> batchArrays = source.next(b, batch);
                    losses.add(trainer.step(batchArrays, step, ActivationSchedule.NONE, ExecutorListener.NONE,
                            ForwardObserver.NONE).loss());
                }
            }
            double first = (losses.get(0) + losses.get(1)) / 2;
            double last = losses.subList(steps - 5, steps).stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            assertTrue(last < first, id + ": loss " + first + " -> " + last + " over " + losses);
            List<MetricBinding> metrics = MetricsForDataset.forPlan(plan, data, batch);
            Map<String, Double> eval = Evaluator.evaluate(executor, source.heldOut(m).subList(0, 1), metrics).values();
            assertTrue(eval.containsKey(metric), id + " reports " + eval.keySet());
            assertFalse(Double.isNaN(eval.get(metric)), id + ": " + eval);
        }
    }
}
