package dev.tensorloom.studio.memory;

import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The PyTorch engine's memory measurement: a sentence with what was measured and how, memory in use over the
 * step, and the bytes autograd saved per block. Binds to a {@link TorchMemoryViewModel}.
 */
public final class TorchMemoryView extends VBox {
    public TorchMemoryView(TorchMemoryViewModel vm) {
        super(6);
        setId("torch-memory");
        getStyleClass().add("torch-memory-view");
        setPadding(new Insets(6));
        Label headline = new Label();
        headline.setId("torch-memory-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());

        LineChart<Number, Number> timeline = new LineChart<>(new NumberAxis(), new NumberAxis());
        timeline.setId("torch-memory-timeline");
        timeline.setTitle("MiB in use above the step's start, before and after each block's forward and backward");
        timeline.setAnimated(false);
        timeline.setCreateSymbols(false);
        timeline.setLegendVisible(false);
        ((NumberAxis) timeline.getXAxis()).setLabel("measurement point, in step order");
        ((NumberAxis) timeline.getYAxis()).setLabel("MiB");
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        timeline.getData().add(series);
        vm.timelineProperty().addListener((o, a, b) -> series.getData().setAll(data(b)));

        BarChart<String, Number> bars = new BarChart<>(new CategoryAxis(), new NumberAxis());
        bars.setId("torch-memory-saved");
        bars.setTitle("MiB autograd saved per block (largest " + TorchMemoryViewModel.BARS + ")");
        bars.setAnimated(false);
        bars.setLegendVisible(false);
        bars.setCategoryGap(2);
        bars.setBarGap(0);
        vm.savedBytesProperty().addListener((o, a, b) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            b.forEach(n -> s.getData().add(new XYChart.Data<>(n.nodeId(), n.bytes() / TimelineSeries.MIB)));
            bars.getData().setAll(List.of(s));
        });
        HBox charts = new HBox(6, timeline, bars);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        HBox.setHgrow(bars, Priority.ALWAYS);
        timeline.setPrefSize(560, 240);
        bars.setPrefSize(420, 240);
        timeline.setMinHeight(0);
        bars.setMinHeight(0);
        charts.visibleProperty().bind(vm.measurementProperty().isNotNull());
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(headline, charts);
    }

    private static List<XYChart.Data<Number, Number>> data(List<ChartPoint> points) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(points.size());
        points.forEach(p -> out.add(new XYChart.Data<>(p.x(), p.y())));
        return out;
    }
}
