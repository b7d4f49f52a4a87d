package dev.tensorloom.studio.activation;

import dev.tensorloom.studio.ui.LiveScrollPane;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
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
        LiveScrollPane.uncacheViewport(this);
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
        Spinner<Integer> example = picker("activation-example", vm.exampleProperty(), vm.examplesProperty());
        Spinner<Integer> channel = picker("activation-channel", vm.channelProperty(), vm.channelsProperty());
        Label channelLabel = new Label("channel");
        HBox pickers = new HBox(8, new Label("example"), example, channelLabel, channel);
        pickers.setAlignment(Pos.CENTER_LEFT);
        pickers.visibleProperty().bind(vm.examplesProperty().greaterThan(0));
        pickers.managedProperty().bind(pickers.visibleProperty());
        channelLabel.visibleProperty().bind(vm.channelsProperty().greaterThan(0));
        channel.visibleProperty().bind(channelLabel.visibleProperty());
        Label slice = caption("");
        slice.textProperty().bind(vm.sliceProperty());
        // The captions change with every update; wrapped at the heatmap's width they cannot widen its column,
        // which moved the pictures beside it and repainted the whole view (in software) several times a second.
        for (Label l : List.of(slice, range)) {
            l.setWrapText(true);
            l.setPrefWidth(HEATMAP);
            l.setMaxWidth(HEATMAP);
        }
        VBox heatmapBox = new VBox(4, heatmapTitle, pickers, heatmap, slice, range);
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
            range.setText(b == null ? "" : String.format("%d × %d shown · colour from %s (dark) to %s (bright)",
                    b.rows(), b.cols(), AxisTicks.label(b.min()), AxisTicks.label(b.max())));
        });
        vm.histogramProperty().addListener((o, a, b) -> histogram.paint(b));
    }

    /** Whether the viewport is rendered through a cached image (false once the skin exists). */
    boolean viewportCached() {
        return LiveScrollPane.viewportCached(this);
    }

    /** A 0-based index picker kept within {@code count}; the run reads the chosen value as it trains. */
    private static Spinner<Integer> picker(String id, IntegerProperty value, ReadOnlyIntegerProperty count) {
        Spinner<Integer> s = new Spinner<>(0, 0, 0);
        s.setId(id);
        s.setPrefWidth(80);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        count.addListener((o, a, b) -> ((SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory())
                .setMax(Math.max(0, b.intValue() - 1)));
        return s;
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
