package dev.tensorloom.studio.activation;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/** A detector's boxes on a held-out image, with a legend and a score threshold slider. */
final class DetectionPane extends VBox {
    private static final double SIZE = 320;

    DetectionPane(DetectionViewModel vm) {
        super(6);
        getStyleClass().add("activation-section");
        setId("activation-detection");
        Label title = new Label();
        title.getStyleClass().add("activation-section-title");
        DetectionCanvas canvas = new DetectionCanvas(SIZE, SIZE);
        Slider threshold = new Slider(0.05, 1, vm.thresholdProperty().get());
        threshold.setId("detection-threshold");
        threshold.setPrefWidth(160);
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        Label value = new Label();
        value.textProperty().bind(vm.thresholdProperty().asString("%.2f"));
        HBox controls = new HBox(8, new Label("show scores ≥"), threshold, value);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox legend = new HBox(14, key("true box", "detection-key-truth", true),
                key("predicted: class  score", "detection-key-predicted", false));
        legend.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, canvas, legend, controls);
        vm.sceneProperty().addListener((o, a, b) -> {
            title.setText(b == null ? "" : b.title());
            canvas.paint(b);
        });
        visibleProperty().bind(vm.sceneProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    private static HBox key(String text, String styleClass, boolean dashed) {
        Line line = new Line(0, 0, 22, 0);
        line.getStyleClass().add(styleClass);
        line.setStrokeWidth(2);
        line.setStroke(dashed ? PlotColors.TRUTH : PlotColors.PREDICTED);
        if (dashed) {
            line.getStrokeDashArray().addAll(6.0, 4.0);
        }
        Label label = new Label(text);
        label.getStyleClass().add("activation-caption");
        HBox box = new HBox(6, line, label);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
