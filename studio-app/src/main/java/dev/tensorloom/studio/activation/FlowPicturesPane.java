package dev.tensorloom.studio.activation;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A flow's latent scatter (z against N(0, I)) and its samples against the data, side by side. */
final class FlowPicturesPane extends HBox {
    private static final double SIZE = 300;

    FlowPicturesPane(FlowViewModel vm) {
        super(16);
        getStyleClass().add("activation-section");
        setId("activation-flow");
        VBox latent = plot(vm.latentProperty(), "activation-latent");
        VBox samples = plot(vm.samplesProperty(), "activation-samples");
        getChildren().addAll(latent, samples);
        visibleProperty().bind(vm.latentProperty().isNotNull().or(vm.samplesProperty().isNotNull()));
        managedProperty().bind(visibleProperty());
    }

    private static VBox plot(ReadOnlyObjectProperty<Scatter> scatter, String id) {
        Label title = new Label();
        title.getStyleClass().add("activation-section-title");
        ScatterCanvas canvas = new ScatterCanvas(SIZE, SIZE);
        canvas.setId(id);
        VBox box = new VBox(4, title, canvas);
        scatter.addListener((o, a, b) -> {
            title.setText(b == null ? "" : b.title());
            canvas.paint(b);
        });
        box.visibleProperty().bind(scatter.isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
