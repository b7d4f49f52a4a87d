package dev.tensorloom.studio.memory;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** While memory is measured: a progress bar over the measurement's phases, the phase in words, and Cancel. */
final class MeasuringBar extends HBox {
    MeasuringBar(MeasuringViewModel vm, ObservableBooleanValue busy) {
        super(6);
        setId("memory-measuring");
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setId("memory-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.doneProperty());
        Label phase = new Label();
        phase.setId("memory-phase");
        phase.textProperty().bind(vm.phaseProperty().map(p -> p.isEmpty() ? "" : "Measuring: " + p + "…"));
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setId("memory-cancel");
        cancel.setOnAction(e -> vm.cancel());
        getChildren().addAll(bar, phase, cancel);
        visibleProperty().bind(busy);
        managedProperty().bind(busy);
    }
}
