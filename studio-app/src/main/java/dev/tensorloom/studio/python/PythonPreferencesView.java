package dev.tensorloom.studio.python;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Preferences → Python: the interpreter field (blank for automatic) with Browse, Automatic and Apply,
 * the report of the interpreter the studio uses now, and a button that opens the setup dialog.
 */
public final class PythonPreferencesView extends VBox {
    /**
     * @param vm       the state
     * @param browse   picks an interpreter file (the window's file chooser), null when cancelled
     * @param setUp    opens the setup dialog for the managed environment
     * @param close    closes the window
     */
    public PythonPreferencesView(PythonPreferencesViewModel vm, Function<File, File> browse, Runnable setUp,
            Runnable close) {
        super(10);
        setId("python-preferences");
        setPadding(new Insets(16));
        Label title = new Label("Python");
        title.getStyleClass().add(Styles.TITLE_3);
        Label explain = new Label("Export checks and the PyTorch engine run Python as a child process. Leave the "
                + "interpreter blank to let Tensorloom choose: the TENSORLOOM_PYTHON environment variable, then its "
                + "managed environment in " + vm.managedVenv() + ", then python3 on the PATH. TENSORLOOM_PYTHON, "
                + "when set, wins over the choice here.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);

        TextField field = new TextField();
        field.setId("python-interpreter");
        field.setPromptText("automatic");
        field.textProperty().bindBidirectional(vm.interpreterProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Browse…");
        choose.setOnAction(e -> {
            File picked = browse.apply(field.getText().isBlank() ? null : new File(field.getText()));
            if (picked != null) {
                vm.interpreterProperty().set(picked.getAbsolutePath());
                vm.apply();
            }
        });
        Button automatic = new Button("Automatic");
        automatic.setId("python-automatic");
        automatic.setOnAction(e -> vm.useAutomatic());
        Button apply = new Button("Apply");
        apply.setId("python-apply");
        apply.setOnAction(e -> vm.apply());
        field.setOnAction(e -> vm.apply());
        HBox row = new HBox(8, new Label("Interpreter"), field, choose, automatic, apply);
        row.setAlignment(Pos.CENTER_LEFT);

        TextArea report = new TextArea();
        report.setId("python-report");
        report.getStyleClass().add("python-setup-log");
        report.setEditable(false);
        report.setWrapText(true); // reasons and problems are sentences with long paths
        report.setPrefRowCount(12);
        report.textProperty().bind(vm.reportProperty());
        VBox.setVgrow(report, Priority.ALWAYS);

        Button check = new Button("Check again");
        check.disableProperty().bind(vm.checkingProperty());
        check.setOnAction(e -> vm.check());
        Button setup = new Button("Set up Tensorloom's environment…");
        setup.setId("python-open-setup");
        setup.setOnAction(e -> setUp.run());
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, check, setup, gap, done);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, explain, row, new Label("What the studio uses now"), report, buttons);
    }
}
