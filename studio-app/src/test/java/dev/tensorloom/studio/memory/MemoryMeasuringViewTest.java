package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.measure.MeasurementProgress;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.studio.ui.ChartPlaceholder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/**
 * The memory view through a real measurement of a four-block chain: while it measures, a progress bar with the
 * phase and a Cancel (which stops it) and a timeline that says it is measuring; after it, the policy box, the
 * budget slider and the plan headline name the same policy whichever of them the user moves, a measurement of
 * another policy than the picked one is greyed out and labelled with whose it is, and no text says MB.
 */
class MemoryMeasuringViewTest {
    private static final Pattern MB = Pattern.compile("\\bMB\\b");

    @Test
    void measuringShowsItsPhaseCancelsAndLeavesOnePolicyOnScreen() throws Exception {
        HeadlessFx.start();
        Document document = SmallChain.project(4, 16).document();
        StandardMemoryAnalyzer real = new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty());
        List<String> phases = new ArrayList<>();
        List<Runnable> duringFirstPhase = new ArrayList<>();
        boolean[] cancelAtMetering = {true};
        MemoryView[] shown = new MemoryView[1];
        MemoryAnalyzer watched = new MemoryAnalyzer() {
            @Override
            public MemoryAnalysis analyze(Document d, CheckpointPolicy p) throws Exception {
                return analyze(d, p, MeasurementProgress.NONE);
            }

            @Override
            public MemoryAnalysis analyze(Document d, CheckpointPolicy p, MeasurementProgress progress) {
                return real.analyze(d, p, (phase, done) -> {
                    phases.add(phase);
                    progress.phase(phase, done);
                    if (phases.size() == 1) {
                        duringFirstPhase.forEach(Runnable::run);
                    }
                    if (cancelAtMetering[0] && phase.startsWith("metering none")) {
                        // The user presses Cancel while none is metered: the measurement stops at its next phase.
                        ((Button) shown[0].lookup("#memory-cancel")).fire();
                    }
                });
            }
        };
        HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            // The studio's executor runs this measurement on a background thread; the direct one keeps the test
            // in step with it, and what the measuring thread reports still reaches the view through tasks.ui.
            MemoryViewModel vm = new MemoryViewModel(document, BlockCatalog.standard(), watched, TaskExecutor.direct());
            MemoryView view = new MemoryView(vm, new TradeoffViewModel(vm, policy -> { }, TaskExecutor.direct()));
            shown[0] = view;
            StackPane root = new StackPane(view);
            Scene scene = new Scene(root, 1428, 322);
            scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
            root.applyCss();
            root.layout();
            Label placeholder = (Label) view.lookup("#memory-timeline ." + ChartPlaceholder.STYLE);
            Node measuring = view.lookup("#memory-measuring");
            assertTrue(placeholder.getText().startsWith("No measurement yet"), placeholder.getText());
            assertFalse(measuring.isVisible(), "no progress bar before measuring");

            duringFirstPhase.add(() -> {
                assertEquals("Measuring none and sqrt…", placeholder.getText(), "the chart says it is measuring");
                assertTrue(measuring.isVisible(), "a progress bar while measuring");
                assertEquals("Measuring: profiling each node…", ((Label) view.lookup("#memory-phase")).getText());
                assertEquals(0, ((ProgressBar) view.lookup("#memory-progress")).getProgress());
                assertTrue(view.lookup("#memory-cancel").isVisible());
            });
            vm.analyze("sqrt");
            assertTrue(phases.contains("warming up") && phases.contains("timing steps"), phases.toString());
            assertTrue(phases.get(phases.size() - 1).startsWith("metering none"),
                    "cancelled while none was metered: " + phases);
            assertNull(vm.analysisProperty().get(), "a cancelled measurement shows nothing");
            assertEquals("Measurement cancelled: nothing new measured", vm.statusProperty().get());
            assertFalse(measuring.isVisible());
            assertTrue(placeholder.getText().startsWith("No measurement yet"), placeholder.getText());

            cancelAtMetering[0] = false;
            phases.clear();
            duringFirstPhase.clear();
            vm.analyze("sqrt");
            assertNotNull(vm.analysisProperty().get(), vm.statusProperty().get());
            assertTrue(phases.stream().anyMatch(p -> p.startsWith("metering sqrt")), phases.toString());
            root.applyCss();
            root.layout();
            assertFalse(placeholder.isVisible());
            Node stale = view.lookup("#memory-stale");
            Node timeline = view.lookup("#memory-timeline");
            assertFalse(stale.isVisible());
            assertFalse(timeline.getPseudoClassStates().contains(MemoryView.STALE));

            @SuppressWarnings("unchecked")
            ComboBox<String> box = (ComboBox<String>) view.lookup("#memory-policy");
            Slider slider = (Slider) view.lookup("#memory-budget");
            Label headline = (Label) view.lookup("#memory-plan-headline");
            box.setValue("revolve:2");
            assertEquals("revolve:2", vm.pickedPolicyProperty().get());
            assertTrue(headline.getText().startsWith("Plan for revolve:2"), headline.getText());
            assertTrue(stale.isVisible(), "the sqrt measurement is another policy's now");
            assertEquals("The timeline is sqrt's measurement; measure again for revolve:2", ((Label) stale).getText());
            assertTrue(timeline.getPseudoClassStates().contains(MemoryView.STALE), "greyed out");

            box.setValue("budget:3");
            assertEquals(3, slider.getValue(), "the slider stands at the budget picked in the box");
            assertTrue(headline.getText().startsWith("Plan for budget:3"), headline.getText());
            slider.setValue(2);
            assertEquals("budget:2", box.getValue(), "the box follows the slider");
            assertEquals("budget:2", vm.pickedPolicyProperty().get());
            assertTrue(headline.getText().startsWith("Plan for budget:2"), headline.getText());

            box.setValue("sqrt");
            assertFalse(stale.isVisible(), "picking the measured policy again makes its measurement current");
            assertFalse(timeline.getPseudoClassStates().contains(MemoryView.STALE));

            List<String> texts = new ArrayList<>();
            collectTexts(view, texts);
            assertTrue(texts.size() > 20, texts.toString());
            for (String text : texts) {
                assertFalse(MB.matcher(text).find(), "MiB, not MB: " + text);
            }
            return null;
        });
    }

    /** Every text the view shows or offers on hover: labels, buttons, tooltips, chart titles and axis labels. */
    private static void collectTexts(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (node instanceof XYChart<?, ?> chart) {
            out.add(String.valueOf(chart.getTitle()));
        }
        if (node instanceof Axis<?> axis && axis.getLabel() != null) {
            out.add(axis.getLabel());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }
}
