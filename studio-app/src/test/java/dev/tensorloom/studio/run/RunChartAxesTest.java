package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.execution.session.EvalMetrics;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/**
 * The run panel's four charts after 40 steps and one evaluation, as a run reports them: every axis has a title
 * and short tick labels, all charts span the same steps, the metric's single point gets a real range, and the
 * learning rate and speed axes start at 0 or above.
 */
class RunChartAxesTest {
    @Test
    void chartsShareTheStepRangeAndTheirAxesAreTitledAndNeverDegenerate() throws Exception {
        HeadlessFx.start();
        Document doc = new Document();
        doc.setConfig(TrainingConfig.DEFAULT.withDataset("seq-reverse").withSteps(40).withBatchSize(8));
        RunPanelViewModel vm = new RunPanelViewModel(doc, new UndoStack(doc), new RunCoordinator((d, f, s, l) -> {
            throw new AssertionError("nothing is launched");
        }, TaskExecutor.direct(), UpdateThrottle.direct(), new RunListener() { }));
        HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            RunPanelView view = new RunPanelView(vm, List.of("seq-reverse"));
            StackPane root = new StackPane(view);
            Scene scene = new Scene(root, 1400, 420);
            scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
            vm.started(40);
            for (int step = 1; step <= 40; step++) {
                vm.step(new StepMetrics(step, 3.0 / step, 1e-3, 850 + step));
            }
            vm.evaluation(new EvalMetrics(20, Map.of("loss", 0.2, "accuracy", 0.8)));
            vm.batchDone();
            root.applyCss();
            root.layout();

            List<String> ids = List.of("chart-loss", "chart-metric", "chart-learning-rate", "chart-throughput");
            NumberAxis lossX = xAxis(view, "chart-loss");
            assertEquals(0, lossX.getLowerBound());
            assertTrue(lossX.getUpperBound() >= 40, "the steps so far: " + lossX.getUpperBound());
            for (String id : ids) {
                XYChart<?, ?> chart = (XYChart<?, ?>) view.lookup("#" + id);
                NumberAxis x = xAxis(view, id);
                NumberAxis y = (NumberAxis) chart.getYAxis();
                assertEquals(lossX.getLowerBound(), x.getLowerBound(), id + " spans the loss chart's steps");
                assertEquals(lossX.getUpperBound(), x.getUpperBound(), id + " spans the loss chart's steps");
                assertEquals("step", x.getLabel());
                assertFalse(y.getLabel() == null || y.getLabel().isBlank(), id + "'s value axis has a title");
                assertTrue(y.getUpperBound() > y.getLowerBound(), id + ": " + y.getLowerBound() + "–" + y.getUpperBound());
            }
            NumberAxis metric = yAxis(view, "chart-metric");
            assertEquals(1, ((XYChart<?, ?>) view.lookup("#chart-metric")).getData().get(0).getData().size());
            assertTrue(metric.getLowerBound() < 0.8 && metric.getUpperBound() > 0.8
                    && metric.getUpperBound() - metric.getLowerBound() <= 0.5,
                    "one evaluation gets a range around it: " + metric.getLowerBound() + "–" + metric.getUpperBound());
            for (String id : List.of("chart-learning-rate", "chart-throughput")) {
                assertTrue(yAxis(view, id).getLowerBound() >= 0, id + " starts at 0 or above");
            }
            NumberAxis rate = yAxis(view, "chart-learning-rate");
            assertEquals("0.001", rate.getTickLabelFormatter().toString(0.001), "not 1.0E-3");
            assertEquals("1,000", yAxis(view, "chart-throughput").getTickLabelFormatter().toString(1000));
            return null;
        });
    }

    private static NumberAxis xAxis(RunPanelView view, String id) {
        return (NumberAxis) ((XYChart<?, ?>) view.lookup("#" + id)).getXAxis();
    }

    private static NumberAxis yAxis(RunPanelView view, String id) {
        return (NumberAxis) ((XYChart<?, ?>) view.lookup("#" + id)).getYAxis();
    }
}
