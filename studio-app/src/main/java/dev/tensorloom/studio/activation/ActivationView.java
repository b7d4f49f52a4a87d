package dev.tensorloom.studio.activation;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The activation view: heatmap, histogram, statistics, gradient norm and published views of the watched node. */
public final class ActivationView extends VBox {
    private final HeatmapCanvas heatmap = new HeatmapCanvas(256, 256);
    private final HBox views = new HBox(8);
    private final XYChart.Series<String, Number> bins = new XYChart.Series<>();

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

        BarChart<String, Number> histogram = new BarChart<>(new CategoryAxis(), new NumberAxis());
        histogram.setId("activation-histogram");
        histogram.setTitle("Histogram of the preview");
        histogram.setAnimated(false);
        histogram.setLegendVisible(false);
        histogram.setBarGap(0);
        histogram.setCategoryGap(1);
        histogram.getData().add(bins);
        histogram.setPrefSize(420, 256);
        HBox.setHgrow(histogram, Priority.ALWAYS);

        HBox pictures = new HBox(8, heatmap, histogram, views);
        getChildren().addAll(heading, stats, norm, pictures);
        vm.heatmapProperty().addListener((o, a, b) -> heatmap.paint(b));
        vm.histogramProperty().addListener((o, a, b) -> showHistogram(b));
        vm.viewsProperty().addListener((o, a, b) -> showViews(b));
    }

    private void showHistogram(Histogram h) {
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        if (h != null) {
            for (int b = 0; b < h.counts().length; b++) {
                data.add(new XYChart.Data<>(String.format("%.3g", h.centre(b)), h.counts()[b]));
            }
        }
        bins.getData().setAll(data);
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
