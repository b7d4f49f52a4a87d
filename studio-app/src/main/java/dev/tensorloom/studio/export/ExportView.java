package dev.tensorloom.studio.export;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Export dialog's content: format, folder with a chooser, weights, the overwrite question, progress,
 * the outcome, and Open folder / Export / Cancel. Binds to an {@link ExportViewModel}; {@code chooser}
 * asks for a folder (given the current one), {@code close} is what the window does on Close.
 */
public final class ExportView extends VBox {
    public ExportView(ExportViewModel vm, String projectName, UnaryOperator<File> chooser, Runnable close) {
        super(10);
        setId("export-dialog");
        getStyleClass().add("export-dialog");
        setPadding(new Insets(16));
        Label title = new Label("Export " + projectName);
        title.getStyleClass().add(Styles.TITLE_3);

        ToggleGroup formats = new ToggleGroup();
        VBox formatChoice = new VBox(4, section("Format"));
        for (ExportFormat f : ExportFormat.values()) {
            RadioButton r = new RadioButton(f.label());
            r.setId("export-format-" + f.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(formats);
            r.setSelected(vm.formatProperty().get() == f);
            r.setOnAction(e -> vm.setFormat(f));
            vm.formatProperty().addListener((o, a, b) -> r.setSelected(b == f));
            formatChoice.getChildren().add(r);
        }

        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.setPromptText("An empty or new folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.setText(vm.folderProperty().get() == null ? "" : vm.folderProperty().get().toString());
        vm.folderProperty().addListener((o, a, b) -> folder.setText(b == null ? "" : b.toString()));
        Runnable commitFolder = () -> vm.setFolder(folder.getText().isBlank() ? null : Path.of(folder.getText().strip()));
        folder.setOnAction(e -> commitFolder.run());
        folder.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitFolder.run();
            }
        });
        Button choose = new Button("Choose…");
        choose.setId("export-choose-folder");
        choose.setOnAction(e -> {
            Path current = vm.folderProperty().get();
            File picked = chooser.apply(current == null ? null : current.toFile());
            if (picked != null) {
                vm.setFolder(picked.toPath());
            }
        });
        HBox folderRow = new HBox(6, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup weights = new ToggleGroup();
        RadioButton trained = new RadioButton(vm.trainedWeightsText());
        trained.setId("export-weights-trained");
        trained.setDisable(!vm.trainedWeightsAvailable());
        RadioButton initial = new RadioButton(vm.initialWeightsText());
        initial.setId("export-weights-initial");
        trained.setToggleGroup(weights);
        initial.setToggleGroup(weights);
        trained.setSelected(vm.useTrainedWeightsProperty().get());
        initial.setSelected(!vm.useTrainedWeightsProperty().get());
        trained.setOnAction(e -> vm.setUseTrainedWeights(true));
        initial.setOnAction(e -> vm.setUseTrainedWeights(false));

        VBox settings = new VBox(6, formatChoice, section("Folder"), folderRow, section("Weights"), trained, initial);
        settings.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING, CANCELLING, CONFIRMING_OVERWRITE -> true;
            default -> false;
        }, vm.stateProperty()));

        getChildren().addAll(title, settings, overwriteBar(vm), progress(vm), outcome(vm), buttons(vm, close));
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static HBox overwriteBar(ExportViewModel vm) {
        Label question = new Label();
        question.setId("export-overwrite-question");
        question.setWrapText(true);
        question.textProperty().bind(vm.questionProperty());
        HBox.setHgrow(question, Priority.ALWAYS);
        Button replace = new Button("Replace");
        replace.setId("export-overwrite-confirm");
        replace.getStyleClass().add(Styles.DANGER);
        replace.setOnAction(e -> vm.confirmOverwrite());
        Button keep = new Button("Keep folder");
        keep.setId("export-overwrite-keep");
        keep.setOnAction(e -> vm.keepFolder());
        replace.setMinWidth(Region.USE_PREF_SIZE);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, question, replace, keep);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("export-overwrite");
        bar.visibleProperty().bind(vm.stateProperty().isEqualTo(ExportViewModel.State.CONFIRMING_OVERWRITE));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static VBox progress(ExportViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label phase = new Label();
        phase.setId("export-phase");
        phase.getStyleClass().add(Styles.TEXT_SMALL);
        phase.textProperty().bind(vm.phaseProperty());
        VBox box = new VBox(4, bar, phase);
        // Nothing to show before the first export starts.
        box.visibleProperty().bind(vm.stateProperty().isNotEqualTo(ExportViewModel.State.EDITING)
                .and(vm.stateProperty().isNotEqualTo(ExportViewModel.State.CONFIRMING_OVERWRITE))
                .or(vm.exportedFolderProperty().isNotNull()));
        return box;
    }

    private static VBox outcome(ExportViewModel vm) {
        Label outcome = new Label();
        outcome.setId("export-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.stateProperty().addListener((o, a, s) -> {
            outcome.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (s == ExportViewModel.State.FAILED) {
                outcome.getStyleClass().add(Styles.DANGER);
            } else if (s == ExportViewModel.State.SUCCEEDED) {
                outcome.getStyleClass().add(Styles.SUCCESS);
            }
        });
        Label note = new Label();
        note.setId("export-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(vm.noteProperty());
        VBox box = new VBox(4, outcome, note);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static HBox buttons(ExportViewModel vm, Runnable close) {
        Button open = new Button("Open folder");
        open.setId("export-open-folder");
        open.setOnAction(e -> vm.openFolder());
        open.visibleProperty().bind(vm.exportedFolderProperty().isNotNull());
        Button export = new Button("Export");
        export.setId("export-start");
        export.setDefaultButton(true);
        export.setOnAction(e -> vm.export());
        export.disableProperty().bind(vm.canExportProperty().not());
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.stateProperty().get() == ExportViewModel.State.RUNNING) {
                vm.cancel();
            } else {
                close.run();
            }
        });
        cancel.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING, CANCELLING -> "Cancel";
            default -> "Close";
        }, vm.stateProperty()));
        cancel.disableProperty().bind(vm.stateProperty().isEqualTo(ExportViewModel.State.CANCELLING));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, open, gap, export, cancel);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
