package dev.tensorloom.studio.inspector;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/** The inspector panel: heading, label field and a property sheet of the selection's parameters. */
public final class InspectorView extends VBox {
    private final PropertySheet sheet = new PropertySheet();
    private final TextField label = new TextField();

    public InspectorView(InspectorViewModel viewModel) {
        getStyleClass().add("inspector");
        Label heading = new Label();
        heading.setId("inspector-heading");
        heading.getStyleClass().add("inspector-heading");
        heading.textProperty().bind(viewModel.headingProperty());
        // A long block title ("Residual MLP 12 — Residual MLP") wraps onto another line instead of ending in "…".
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        label.setId("inspector-label");
        label.setPromptText("Label");
        label.visibleProperty().bind(viewModel.labelEditableProperty());
        label.managedProperty().bind(label.visibleProperty());
        viewModel.labelProperty().addListener((o, a, b) -> label.setText(b));
        label.setText(viewModel.labelProperty().get());
        label.setOnAction(e -> viewModel.rename(label.getText()));
        label.focusedProperty().addListener((o, was, is) -> {
            if (!is && label.isVisible()) {
                viewModel.rename(label.getText());
            }
        });
        sheet.setId("inspector-sheet");
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(new ParamEditorFactory());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        Label message = new Label();
        message.getStyleClass().add("inspector-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        getChildren().addAll(heading, label, sheet, message);
        viewModel.fields().addListener((ListChangeListener<ParamField>) c -> fill(viewModel));
        fill(viewModel);
    }

    private void fill(InspectorViewModel viewModel) {
        sheet.getItems().setAll(viewModel.fields().stream().map(f -> new ParamItem(f, viewModel)).toList());
    }
}
