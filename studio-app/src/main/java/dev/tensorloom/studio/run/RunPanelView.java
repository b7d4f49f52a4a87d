package dev.tensorloom.studio.run;

import dev.tensorloom.model.doc.TrainingConfig;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The run panel: the training settings on the left, the run controls, progress, four live charts and
 * the log on the right, and a failure banner and a divergence warning across the top. Binds to {@link RunPanelViewModel} only;
 * every settings field commits on Enter or when it loses focus.
 */
public final class RunPanelView extends BorderPane {
    private final RunPanelViewModel vm;
    private final RunSettingsViewModel settings;
    private final RunEngineViewModel engine;
    private final GridPane form = new GridPane();
    private final ComboBox<String> dataset = combo("run-dataset", true);
    private final ComboBox<String> optimizer = combo("run-optimizer", false, "sgd", "adam", "adamw");
    private final TextField learningRate = field("run-learning-rate");
    private final ComboBox<String> schedule = combo("run-schedule", false, "constant", "cosine");
    private final TextField warmup = field("run-warmup");
    private final TextField batch = field("run-batch");
    private final TextField steps = field("run-steps");
    private final TextField seed = field("run-seed");
    private final ComboBox<String> device = combo("run-device", false, "auto", "cpu", "gpu");
    private final ComboBox<String> policy = combo("run-checkpoint", true,
            "none", "sqrt", "every-k:4", "revolve:4", "budget:64");

    /** The progress bar's narrowest, and the room its text wants beside it before the run buttons drop their text. */
    private static final double PROGRESS_MIN_WIDTH = 80;
    private static final double PROGRESS_TEXT_ROOM = 260;

    /** Wide enough for the longest label and a dataset such as "regression-chain" with its drop-down arrow. */
    private static final double FORM_WIDTH = 310;

    public RunPanelView(RunPanelViewModel vm, List<String> datasets) {
        this(vm, datasets, null);
    }

    /** With the engine picker (DJL / PyTorch, device, processes) at the top of the settings; null for none. */
    public RunPanelView(RunPanelViewModel vm, List<String> datasets, RunEngineViewModel engine) {
        this.vm = vm;
        this.settings = vm.settings();
        policy.setTooltip(new Tooltip(dev.tensorloom.studio.ui.PolicyHelp.TOOLTIP));
        this.engine = engine;
        getStyleClass().add("run-panel");
        dataset.getItems().setAll(datasets);
        buildForm();
        setLeft(formScroller());
        setCenter(runArea());
        setTop(new VBox(
                banner("run-failure", "run-failure-banner", Feather.ALERT_TRIANGLE, vm.failureProperty(), vm::dismissFailure),
                banner("run-warning", "run-warning-banner", Feather.TRENDING_UP, vm.warningProperty(), vm::dismissWarning)));
        settings.configProperty().addListener((o, a, b) -> show(b));
        show(settings.configProperty().get());
    }

    /** The settings scroll up and down only: every field is shown at its full width beside the charts. */
    private ScrollPane formScroller() {
        ScrollPane scroller = new ScrollPane(form);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setMinViewportWidth(FORM_WIDTH);
        scroller.setPrefViewportWidth(FORM_WIDTH);
        return scroller;
    }

    private void buildForm() {
        form.getStyleClass().add("run-form");
        form.setHgap(6);
        form.setVgap(4);
        form.setPadding(new Insets(6));
        // Labels at their width, fields filling the rest: a long dataset id is shown whole, not "regression-ch".
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().setAll(new ColumnConstraints(), fields);
        int row = engine == null ? 0 : EngineRows.addTo(form, 0, engine, vm.canStartProperty().not());
        row = add(row, "Dataset", dataset, settings::setDataset);
        row = add(row, "Optimizer", optimizer, settings::setOptimizer);
        row = addText(row, "Learning rate", learningRate, t -> settings.setLearningRate(Double.parseDouble(t)));
        row = add(row, "Schedule", schedule, settings::setSchedule);
        row = addText(row, "Warm-up steps", warmup, t -> settings.setWarmupSteps(Integer.parseInt(t)));
        row = addText(row, "Batch size", batch, t -> settings.setBatchSize(Integer.parseInt(t)));
        row = addText(row, "Steps", steps, t -> settings.setSteps(Integer.parseInt(t)));
        row = addText(row, "Seed", seed, t -> settings.setSeed(Long.parseLong(t)));
        row = add(row, "Device", device, settings::setDevice);
        if (engine != null) {
            // The project's device is the DJL engine's; PyTorch has its own picker above.
            EngineRows.onlyForDjl(engine, form.getChildren().get(form.getChildren().size() - 2), device);
        }
        row = add(row, "Checkpointing", policy, settings::setCheckpointPolicy);
        Label error = new Label();
        error.setId("run-config-error");
        error.getStyleClass().add("run-config-error");
        error.setWrapText(true);
        error.setMaxWidth(220);
        error.textProperty().bind(settings.configErrorProperty());
        form.add(error, 0, row, 2, 1);
    }

    private int add(int row, String label, ComboBox<String> box, Consumer<String> commit) {
        box.setOnAction(e -> {
            String v = box.getValue();
            if (v != null && !v.isBlank()) {
                commit.accept(v.trim());
            }
        });
        form.addRow(row, new Label(label), box);
        return row + 1;
    }

    private int addText(int row, String label, TextField field, Consumer<String> commit) {
        Runnable apply = () -> {
            try {
                commit.accept(field.getText().trim());
            } catch (NumberFormatException e) {
                show(settings.configProperty().get());
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        form.addRow(row, new Label(label), field);
        return row + 1;
    }

    private void show(TrainingConfig c) {
        dataset.setValue(c.dataset());
        optimizer.setValue(c.optimizer());
        learningRate.setText(String.valueOf(c.learningRate()));
        schedule.setValue(c.schedule());
        warmup.setText(String.valueOf(c.warmupSteps()));
        batch.setText(String.valueOf(c.batchSize()));
        steps.setText(String.valueOf(c.steps()));
        seed.setText(String.valueOf(c.seed()));
        device.setValue(c.device());
        policy.setValue(c.checkpointPolicy());
    }

    private VBox runArea() {
        Button start = button("run-start", "Start", "Start training (F5)", Feather.PLAY, vm::start,
                vm.canStartProperty().not());
        Button pause = button("run-pause", "Pause", "Pause the run", Feather.PAUSE, vm::pause,
                vm.canPauseProperty().not());
        Button resume = button("run-resume", "Resume", "Resume the paused or stopped run", Feather.SKIP_FORWARD,
                vm::resume, vm.canResumeProperty().not());
        Button stop = button("run-stop", "Stop", "Stop the run, keeping its last step (Shift+F5)", Feather.STOP_CIRCLE,
                vm::stop, vm.canStopProperty().not());
        Button fromWeights = button("run-start-from-weights", null, "Train from weights… (a folder from train.py "
                + "--save, tensorloom train --save or an export)", Feather.DOWNLOAD, vm::startFromWeights,
                vm.canStartProperty().not());
        // An icon alone already: it never shrinks either.
        fromWeights.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(220);
        bar.setMinWidth(PROGRESS_MIN_WIDTH);
        Label text = new Label();
        text.setId("run-progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        // In a narrow window the line wraps rather than ending in "…"; the tooltip holds it whole too.
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.progressTextProperty());
        text.setTooltip(whole);
        HBox controls = new HBox(6, start, fromWeights, pause, resume, stop, bar, text);
        controls.getStyleClass().add("run-controls");
        // The progress bar and its text sit on the buttons' centre line, not at their top edge.
        controls.setAlignment(Pos.CENTER_LEFT);
        // Narrow windows (900 px): icons with tooltips rather than "St…" and "Pau…".
        dev.tensorloom.studio.ui.CompactButtons.install(controls, PROGRESS_MIN_WIDTH + PROGRESS_TEXT_ROOM,
                List.of(start, pause, resume, stop));

        // The charts share the step axis; loss and metric may be negative (a flow's NLL), rates and speeds not.
        var steps = vm.charts().stepRange();
        LiveChart loss = new LiveChart("Loss", "chart-loss", vm.charts().lossPoints(), steps, "loss", false);
        LiveChart metric = new LiveChart("Metric", "chart-metric", vm.charts().metricPoints(), steps, "metric", false);
        metric.titleProperty().bind(vm.metricNameProperty());
        metric.emptyTextProperty().bind(vm.charts().metricWaiting());
        LiveChart lr = new LiveChart("Learning rate", "chart-learning-rate", vm.charts().learningRatePoints(), steps,
                "rate", true);
        LiveChart speed = new LiveChart("Examples / s", "chart-throughput", vm.charts().throughputPoints(), steps,
                "ex / s", true);
        speed.titleProperty().bind(vm.charts().throughputTitle());
        HBox charts = new HBox(4, loss, metric, lr, speed);
        for (LiveChart c : List.of(loss, metric, lr, speed)) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefSize(240, 170);
            c.setMinWidth(120);
        }
        ListView<String> log = new ListView<>(vm.log());
        log.setId("run-log");
        // Dense rows: AtlantaFX's default cell padding left a line's height of empty space between messages.
        log.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        log.setPrefHeight(70);
        // Before the first run the log would be an empty frame; say what will appear there.
        Label noMessages = new Label("The run's messages (start, evaluations, end) appear here");
        noMessages.getStyleClass().add("run-log-placeholder");
        log.setPlaceholder(noMessages);
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
        Label evaluation = new Label();
        evaluation.setId("run-evaluation");
        evaluation.setWrapText(true);
        evaluation.textProperty().bind(vm.evaluationTextProperty());
        evaluation.visibleProperty().bind(vm.evaluationTextProperty().isNotEmpty());
        evaluation.managedProperty().bind(evaluation.visibleProperty());
        VBox area = new VBox(4, controls, charts, evaluation, log);
        area.setPadding(new Insets(4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        return area;
    }

    /**
     * A banner across the top while {@code text} is not empty: the failure (red) or the divergence warning
     * (amber; the run goes on), each with a button that dismisses it.
     */
    private static HBox banner(String id, String styleClass, Feather icon, ReadOnlyStringProperty text,
            Runnable dismiss) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(text);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> dismiss.run());
        HBox banner = new HBox(8, new FontIcon(icon), message, close);
        HBox.setHgrow(message, Priority.ALWAYS);
        banner.getStyleClass().add(styleClass);
        banner.visibleProperty().bind(text.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static Button button(String id, String text, String tooltip, Feather icon, Runnable action,
            javafx.beans.value.ObservableBooleanValue disabled) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(disabled::get, disabled));
        return b;
    }

    private static ComboBox<String> combo(String id, boolean editable, String... items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(editable);
        box.getItems().setAll(items);
        box.setPrefWidth(140);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }
}
