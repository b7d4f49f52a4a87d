package dev.tensorloom.studio.activation;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The sampler's trajectories: a grid of grey images, a row per sample and a column per shown Euler step. */
final class SamplerPane extends VBox {
    private static final double CELL = 64;

    private final Label title = new Label();
    private final GridPane grid = new GridPane();

    SamplerPane(SamplerViewModel vm) {
        super(6);
        getStyleClass().add("activation-section");
        setId("activation-sampler");
        title.getStyleClass().add("activation-section-title");
        grid.setHgap(6);
        grid.setVgap(6);
        Label note = new Label("every cell uses the data's grey range; noise beyond it saturates");
        note.getStyleClass().add("activation-caption");
        getChildren().addAll(title, grid, note);
        vm.gridProperty().addListener((o, a, b) -> show(b));
        visibleProperty().bind(vm.gridProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    private void show(SamplerViewModel.Grid g) {
        grid.getChildren().clear();
        if (g == null) {
            return;
        }
        title.setText(g.title());
        List<String> columns = g.columns();
        for (int c = 0; c < columns.size(); c++) {
            Label header = new Label(columns.get(c));
            header.getStyleClass().add("activation-caption");
            GridPane.setHalignment(header, HPos.CENTER);
            grid.add(header, c + 1, 0);
        }
        for (int r = 0; r < g.rows().size(); r++) {
            Label row = new Label(g.rows().get(r));
            row.getStyleClass().add("activation-caption");
            grid.add(row, 0, r + 1);
            List<Heatmap> cells = g.cells().get(r);
            for (int c = 0; c < cells.size(); c++) {
                HeatmapCanvas cell = new HeatmapCanvas(CELL, CELL).grey();
                cell.paint(cells.get(c));
                grid.add(cell, c + 1, r + 1);
            }
        }
    }
}
