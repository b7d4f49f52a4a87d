package dev.tensorloom.studio.run;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The engine picker's rows at the top of the run settings: Engine (DJL / PyTorch), and for PyTorch the device
 * torch reported and the process count, with a line that says where the run trains or why PyTorch is not
 * available. Binds to a {@link RunEngineViewModel}.
 */
final class EngineRows {
    private EngineRows() {
    }

    /**
     * Adds the rows to {@code form} from {@code row} on; returns the next free row. The choice is locked while
     * {@code running} holds: it applies to the next run.
     */
    static int addTo(GridPane form, int row, RunEngineViewModel vm, ObservableBooleanValue running) {
        ComboBox<RunEngineViewModel.Engine> engine = new ComboBox<>();
        engine.setId("run-engine");
        engine.getItems().setAll(RunEngineViewModel.Engine.values());
        engine.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunEngineViewModel.Engine e) {
                return e == null ? "" : e.label();
            }

            @Override
            public RunEngineViewModel.Engine fromString(String s) {
                return null;
            }
        });
        engine.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RunEngineViewModel.Engine e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? "" : e.label());
            }
        });
        engine.setMaxWidth(Double.MAX_VALUE);
        engine.setValue(vm.engineProperty().get());
        engine.setOnAction(e -> {
            if (engine.getValue() != null) {
                vm.setEngine(engine.getValue());
            }
        });
        vm.engineProperty().addListener((o, a, b) -> engine.setValue(b));

        ComboBox<String> device = new ComboBox<>(vm.devices());
        device.setId("run-torch-device");
        device.setMaxWidth(Double.MAX_VALUE);
        device.setValue(vm.deviceProperty().get());
        device.setOnAction(e -> vm.setDevice(device.getValue()));
        vm.deviceProperty().addListener((o, a, b) -> device.setValue(b));

        Spinner<Integer> processes = new Spinner<>();
        processes.setId("run-processes");
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, vm.maxProcessesProperty().get(), 1);
        values.maxProperty().bind(vm.maxProcessesProperty());
        processes.setValueFactory(values);
        processes.setEditable(true);
        processes.setMaxWidth(Double.MAX_VALUE);
        values.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.setProcesses(b);
            }
        });
        vm.processesProperty().addListener((o, a, b) -> values.setValue(b.intValue()));

        Label status = new Label();
        status.setId("run-engine-status");
        status.getStyleClass().add("run-engine-status");
        status.setWrapText(true);
        status.setMaxWidth(280);
        status.textProperty().bind(vm.statusProperty());
        Tooltip where = new Tooltip();
        where.textProperty().bind(vm.interpreterProperty());
        status.tooltipProperty().bind(Bindings.when(vm.interpreterProperty().isEmpty()).then((Tooltip) null)
                .otherwise(where));

        BooleanBinding torch = vm.engineProperty().isEqualTo(RunEngineViewModel.Engine.PYTORCH);
        BooleanBinding locked = Bindings.createBooleanBinding(running::get, running);
        engine.disableProperty().bind(locked);
        device.disableProperty().bind(vm.probingProperty().or(locked));
        processes.disableProperty().bind(vm.probingProperty().or(locked));
        Label deviceLabel = new Label("Device");
        Label processesLabel = new Label("Processes");
        form.addRow(row++, new Label("Engine"), engine);
        form.addRow(row++, deviceLabel, device);
        form.addRow(row++, processesLabel, processes);
        form.add(status, 0, row++, 2, 1);
        for (Node n : new Node[] {deviceLabel, device, processesLabel, processes}) {
            n.visibleProperty().bind(torch);
            n.managedProperty().bind(torch);
        }
        return row;
    }

    /** Hides the DJL-only rows (the project's device setting) while PyTorch is picked. */
    static void onlyForDjl(RunEngineViewModel vm, Node... nodes) {
        BooleanBinding djl = Bindings.createBooleanBinding(
                () -> vm.engineProperty().get() == RunEngineViewModel.Engine.DJL, vm.engineProperty());
        for (Node n : nodes) {
            n.visibleProperty().bind(djl);
            n.managedProperty().bind(djl);
        }
    }
}
