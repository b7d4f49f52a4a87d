package dev.tensorloom.studio.activation;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Attention maps of the watched node: the chosen head large (rows are queries, columns keys), every head
 * as a small map to click, and pickers for the head and the batch example.
 */
final class AttentionPane extends VBox {
    private static final double LARGE = 224;
    private static final double SMALL = 64;
    /** Captions wrap at about the width of the thumbnails row, so the pane stays narrow beside the others. */
    private static final double TEXT_WIDTH = 300;

    private final AttentionViewModel vm;
    private final VBox panels = new VBox(10);

    AttentionPane(AttentionViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("activation-section");
        setId("activation-attention");
        Label title = new Label("Attention per head");
        title.getStyleClass().add("activation-section-title");
        Spinner<Integer> head = spinner(vm.headProperty().get());
        head.setId("attention-head");
        head.valueProperty().addListener((o, a, b) -> vm.headProperty().set(b));
        vm.headProperty().addListener((o, a, b) -> head.getValueFactory().setValue(b.intValue()));
        vm.headsProperty().addListener((o, a, b) -> bound(head, b.intValue()));
        Spinner<Integer> example = spinner(vm.exampleProperty().get());
        example.setId("attention-example");
        example.valueProperty().addListener((o, a, b) -> vm.exampleProperty().set(b));
        vm.examplesProperty().addListener((o, a, b) -> bound(example, b.intValue()));
        HBox pickers = new HBox(8, new Label("head"), head, new Label("example of the batch"), example);
        pickers.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, pickers, panels);
        vm.panelsProperty().addListener((o, a, b) -> show(b));
        visibleProperty().bind(vm.headsProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
    }

    private static Spinner<Integer> spinner(int value) {
        Spinner<Integer> s = new Spinner<>(0, Math.max(0, value), value);
        s.setPrefWidth(80);
        return s;
    }

    private static void bound(Spinner<Integer> s, int count) {
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory()).setMax(Math.max(0, count - 1));
    }

    private void show(List<AttentionViewModel.Panel> shown) {
        panels.getChildren().clear();
        for (AttentionViewModel.Panel p : shown) {
            HeatmapCanvas large = new HeatmapCanvas(LARGE, LARGE);
            large.paint(p.selected());
            Label caption = new Label(p.title());
            caption.getStyleClass().add("activation-caption");
            Label axes = new Label("rows: queries ↓   columns: keys →\ncolour: weight "
                    + AxisTicks.label(p.selected().min()) + " (dark) … " + AxisTicks.label(p.selected().max())
                    + " (bright)");
            axes.getStyleClass().add("activation-caption");
            caption.setWrapText(true);
            caption.setMaxWidth(TEXT_WIDTH);
            axes.setWrapText(true);
            axes.setMaxWidth(TEXT_WIDTH);
            HBox thumbnails = new HBox(4);
            for (int h = 0; h < p.heads().size(); h++) {
                thumbnails.getChildren().add(thumbnail(p.heads().get(h), h));
            }
            panels.getChildren().add(new VBox(4, caption, large, axes, thumbnails));
        }
    }

    private VBox thumbnail(Heatmap map, int index) {
        HeatmapCanvas c = new HeatmapCanvas(SMALL, SMALL);
        c.paint(map);
        c.setOnMouseClicked(e -> vm.headProperty().set(index));
        Label name = new Label(map.caption());
        name.getStyleClass().add("activation-caption");
        VBox box = new VBox(2, c, name);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("attention-thumbnail");
        if (index == vm.headProperty().get()) {
            box.getStyleClass().add("selected");
        }
        return box;
    }
}
