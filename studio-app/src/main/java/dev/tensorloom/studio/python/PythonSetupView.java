package dev.tensorloom.studio.python;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Python setup dialog's content: why it is offered and where the environment goes, a progress bar
 * with what pip does now, pip's log, the outcome, and Set up / Cancel / Close. Binds to a
 * {@link PythonSetupViewModel}; {@code close} is what the window does on Close.
 */
public final class PythonSetupView extends VBox {
    public PythonSetupView(PythonSetupViewModel vm, Runnable close) {
        super(10);
        setId("python-setup");
        getStyleClass().add("python-setup");
        setPadding(new Insets(16));

        Label title = new Label("Set up Python for Tensorloom");
        title.getStyleClass().add(Styles.TITLE_3);
        Label reason = new Label(vm.reason());
        reason.setId("python-setup-reason");
        reason.setWrapText(true);
        Label where = new Label("Tensorloom creates its own Python environment (a venv) in " + vm.venvDir()
                + " with the pinned versions of torch, numpy, onnx, onnxruntime, onnxscript and safetensors, "
                + "installed by pip as your pip is configured. It is built in a temporary folder and moved "
                + "into place only when complete; Cancel stops pip and leaves nothing behind.");
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);

        ProgressBar bar = new ProgressBar();
        bar.setId("python-setup-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label stage = new Label();
        stage.setId("python-setup-stage");
        stage.textProperty().bind(vm.stageProperty());
        stage.getStyleClass().add(Styles.TEXT_SMALL);

        TextArea log = new TextArea();
        log.setId("python-setup-log");
        log.getStyleClass().add("python-setup-log");
        log.setEditable(false);
        log.setWrapText(false);
        log.setPrefRowCount(14);
        VBox.setVgrow(log, Priority.ALWAYS);
        vm.log().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                if (c.wasRemoved() || vm.log().isEmpty()) {
                    log.setText(String.join("\n", vm.log()));
                } else {
                    c.getAddedSubList().forEach(line -> log.appendText((log.getLength() == 0 ? "" : "\n") + line));
                }
                log.setScrollLeft(0); // appending scrolls to the end of a long line; pip's lines start with what matters
            }
        });

        Label outcome = new Label();
        outcome.setId("python-setup-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        vm.stateProperty().addListener((o, a, s) -> {
            outcome.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (s == PythonSetupViewModel.State.FAILED) {
                outcome.getStyleClass().add(Styles.DANGER);
            } else if (s == PythonSetupViewModel.State.SUCCEEDED) {
                outcome.getStyleClass().add(Styles.SUCCESS);
            }
        });

        Button start = new Button("Set up");
        start.setId("python-setup-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        start.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case FAILED, CANCELLED -> "Try again";
            default -> "Set up";
        }, vm.stateProperty()));
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (vm.stateProperty().get()) {
            case OFFERED, FAILED, CANCELLED -> false;
            default -> true;
        }, vm.stateProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("python-setup-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.stateProperty().get() == PythonSetupViewModel.State.RUNNING) {
                vm.cancel();
            } else {
                close.run();
            }
        });
        cancel.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING, CANCELLING, OFFERED -> "Cancel";
            default -> "Close";
        }, vm.stateProperty()));
        cancel.disableProperty().bind(vm.stateProperty().isEqualTo(PythonSetupViewModel.State.CANCELLING));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, start, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, reason, where, bar, stage, log, outcome, buttons);
    }
}
