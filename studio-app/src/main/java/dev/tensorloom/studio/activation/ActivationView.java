package dev.tensorloom.studio.activation;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The activation view: heatmap, histogram, statistics and gradient norm of the watched node, then the
 * pictures that teach more where they apply (attention per head, a flow's latent space and samples, a
 * sampler's steps, a detector's boxes), each shown only when the run sends it.
 */
public final class ActivationView extends ScrollPane {
    private static final double HEATMAP = 256;

    public ActivationView(ActivationViewModel vm) {
        getStyleClass().add("activation-view");
        setFitToWidth(true);
        Label heading = new Label();
        heading.setId("activation-heading");
        heading.getStyleClass().add("activation-heading");
        heading.textProperty().bind(vm.headingProperty());
        Label stats = new Label();
        stats.setId("activation-stats");
        stats.textProperty().bind(vm.statisticsProperty());
        Label norm = new Label();
        norm.setId("activation-gradient-norm");
        norm.textProperty().bind(vm.gradientNormProperty());

        HeatmapCanvas heatmap = new HeatmapCanvas(HEATMAP, HEATMAP);
        heatmap.setId("activation-heatmap");
        Label heatmapTitle = title("Output preview");
        Label range = caption("");
        VBox heatmapBox = new VBox(4, heatmapTitle, heatmap, range);
        HistogramCanvas histogram = new HistogramCanvas(360, HEATMAP);
        histogram.setId("activation-histogram");
        VBox histogramBox = new VBox(4, title("Histogram of the preview values"), histogram);
        HBox basics = new HBox(16, heatmapBox, histogramBox);
        basics.visibleProperty().bind(vm.heatmapProperty().isNotNull());
        basics.managedProperty().bind(basics.visibleProperty());

        // The pictures wrap side by side, so a wide window shows them all without scrolling.
        FlowPane pictures = new FlowPane(24, 12, basics, new AttentionPane(vm.attention()),
                new FlowPicturesPane(vm.flow()), new SamplerPane(vm.sampler()), new DetectionPane(vm.detection()));
        pictures.setAlignment(Pos.TOP_LEFT);
        pictures.setRowValignment(VPos.TOP);
        VBox content = new VBox(10, new VBox(2, heading, stats, norm), pictures);
        content.setPadding(new Insets(8));
        setContent(content);
        vm.heatmapProperty().addListener((o, a, b) -> {
            heatmap.paint(b);
            range.setText(b == null ? "" : String.format("rows: leading dimensions, columns: last · %d × %d%n"
                    + "colour from %s (dark) to %s (bright)",
                    b.rows(), b.cols(), AxisTicks.label(b.min()), AxisTicks.label(b.max())));
        });
        vm.histogramProperty().addListener((o, a, b) -> histogram.paint(b));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("activation-section-title");
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("activation-caption");
        return l;
    }
}
