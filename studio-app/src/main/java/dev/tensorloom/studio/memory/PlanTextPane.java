package dev.tensorloom.studio.memory;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The plan's prediction in plain words (measured peaks, headline, explanation), wrapped to the pane's
 * width. When the memory view is too short for all of it the text scrolls instead of being cut off.
 */
final class PlanTextPane extends ScrollPane {
    static final String STYLE = "memory-plan-text";

    private final VBox text;

    PlanTextPane(MemoryViewModel vm) {
        Label peaks = new Label();
        peaks.setId("memory-peaks");
        wrap(peaks);
        peaks.textProperty().bind(vm.timelines().peaksProperty());
        peaks.visibleProperty().bind(vm.timelines().peaksProperty().isNotEmpty());
        peaks.managedProperty().bind(peaks.visibleProperty());
        Label headline = new Label();
        headline.setId("memory-plan-headline");
        headline.getStyleClass().add("memory-plan-headline");
        wrap(headline);
        Label explanation = new Label();
        explanation.setId("memory-explanation");
        explanation.getStyleClass().add("memory-explanation");
        wrap(explanation);
        Runnable show = () -> {
            PolicyPrediction p = vm.predictionProperty().get();
            String notice = vm.planNoticeProperty().get();
            // Without a prediction (estimating, an empty model, errors) the headline says why instead.
            headline.setText(p == null ? notice : p.headline());
            explanation.setText(p == null ? "" : p.explanation());
        };
        vm.predictionProperty().addListener((o, a, b) -> show.run());
        vm.planNoticeProperty().addListener((o, a, b) -> show.run());
        show.run();
        text = new VBox(2, peaks, headline, explanation);
        setId("memory-plan-text");
        getStyleClass().add(STYLE);
        setContent(text);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    }

    /** The height that shows every line of the text at this width, without scrolling. */
    double fullHeight(double width) {
        Insets in = getInsets();
        double inner = Math.max(1, width - in.getLeft() - in.getRight());
        return snapSizeY(text.prefHeight(inner) + in.getTop() + in.getBottom());
    }

    /** Long text wraps onto more lines instead of ending in "…". */
    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
