package dev.tensorloom.studio.activation;

import java.util.ArrayList;
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
    private final List<PanelNodes> built = new ArrayList<>();

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

    /**
     * Repaints the panels in place while their number and head counts stay the same (every update of a
     * run): building new canvases and labels 20 times a second cost a CSS and layout pass over them and a
     * repaint of the whole pane each time, which made the window's frames late while training.
     */
    private void show(List<AttentionViewModel.Panel> shown) {
        if (!sameShape(shown)) {
            built.clear();
            panels.getChildren().clear();
            for (AttentionViewModel.Panel p : shown) {
                PanelNodes n = new PanelNodes(p.heads().size());
                built.add(n);
                panels.getChildren().add(n.root);
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            built.get(i).show(shown.get(i), vm.headProperty().get());
        }
    }

    private boolean sameShape(List<AttentionViewModel.Panel> shown) {
        if (shown.size() != built.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).heads().size() != built.get(i).thumbnails.size()) {
                return false;
            }
        }
        return true;
    }

    /** The nodes of one panel, made once and repainted by each update. */
    private final class PanelNodes {
        final Label caption = new Label();
        final HeatmapCanvas large = new HeatmapCanvas(LARGE, LARGE);
        final Label axes = new Label();
        final List<HeatmapCanvas> thumbnails = new ArrayList<>();
        final List<Label> names = new ArrayList<>();
        final List<VBox> boxes = new ArrayList<>();
        final VBox root;

        PanelNodes(int heads) {
            caption.getStyleClass().add("activation-caption");
            axes.getStyleClass().add("activation-caption");
            caption.setWrapText(true);
            caption.setMaxWidth(TEXT_WIDTH);
            axes.setWrapText(true);
            axes.setMaxWidth(TEXT_WIDTH);
            HBox row = new HBox(4);
            for (int h = 0; h < heads; h++) {
                int index = h;
                HeatmapCanvas c = new HeatmapCanvas(SMALL, SMALL);
                c.setOnMouseClicked(e -> vm.headProperty().set(index));
                Label name = new Label();
                name.getStyleClass().add("activation-caption");
                VBox box = new VBox(2, c, name);
                box.setAlignment(Pos.CENTER);
                box.getStyleClass().add("attention-thumbnail");
                thumbnails.add(c);
                names.add(name);
                boxes.add(box);
                row.getChildren().add(box);
            }
            root = new VBox(4, caption, large, axes, row);
        }

        void show(AttentionViewModel.Panel p, int selected) {
            large.paint(p.selected());
            caption.setText(p.title());
            axes.setText("rows: queries ↓   columns: keys →\ncolour: weight " + AxisTicks.label(p.selected().min())
                    + " (dark) … " + AxisTicks.label(p.selected().max()) + " (bright)");
            for (int h = 0; h < thumbnails.size(); h++) {
                Heatmap map = p.heads().get(h);
                thumbnails.get(h).paint(map);
                names.get(h).setText(map.caption());
                List<String> style = boxes.get(h).getStyleClass();
                if (h == selected && !style.contains("selected")) {
                    style.add("selected");
                } else if (h != selected) {
                    style.remove("selected");
                }
            }
        }
    }
}
