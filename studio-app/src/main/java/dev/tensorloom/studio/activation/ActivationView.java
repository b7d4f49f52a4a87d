package dev.tensorloom.studio.activation;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The activation view: heatmap, histogram, statistics, gradient norm and published views of the watched node. */
public final class ActivationView extends VBox {
    private final HeatmapCanvas heatmap = new HeatmapCanvas(256, 256);
    private final HBox views = new HBox(8);

    public ActivationView(ActivationViewModel vm) {
        super(6);
        getStyleClass().add("activation-view");
        setPadding(new Insets(6));
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
        heatmap.setId("activation-heatmap");

        HistogramCanvas histogram = new HistogramCanvas(360, 256);
        histogram.setId("activation-histogram");

        HBox pictures = new HBox(8, heatmap, histogram, views);
        getChildren().addAll(heading, stats, norm, pictures);
        vm.heatmapProperty().addListener((o, a, b) -> heatmap.paint(b));
        vm.histogramProperty().addListener((o, a, b) -> histogram.paint(b));
        vm.viewsProperty().addListener((o, a, b) -> showViews(b));
    }

    private void showViews(List<Heatmap> maps) {
        views.getChildren().clear();
        for (Heatmap m : maps) {
            HeatmapCanvas c = new HeatmapCanvas(192, 192);
            c.getStyleClass().add("attention-map");
            c.paint(m);
            Label caption = new Label(m.caption());
            caption.setWrapText(true);
            caption.setMaxWidth(192);
            views.getChildren().add(new VBox(2, caption, c));
        }
    }
}
