package dev.tensorloom.studio.palette;

import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.canvas.GraphCanvas;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The palette: a search box over a tree of blocks by category; drag a block out, or double-click it. */
public final class PaletteView extends VBox {
    private final TextField search = new TextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("blocks"));

    public PaletteView(PaletteViewModel viewModel) {
        getStyleClass().add("palette");
        search.setPromptText("Search blocks (Ctrl+F)");
        search.setId("palette-search");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setOnAction(e -> viewModel.addSingleMatch());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        tree.setId("palette-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new BlockCell(viewModel));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(search, tree);
        viewModel.sections().addListener((ListChangeListener<PaletteSection>) c -> rebuild(viewModel));
        rebuild(viewModel);
    }

    /** Focuses the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void rebuild(PaletteViewModel viewModel) {
        tree.getRoot().getChildren().clear();
        for (PaletteSection section : viewModel.sections()) {
            TreeItem<Object> heading = new TreeItem<>(section.title());
            heading.setExpanded(true);
            section.blocks().forEach(b -> heading.getChildren().add(new TreeItem<>(b)));
            tree.getRoot().getChildren().add(heading);
        }
    }

    /** A block's whole name, then what it does. */
    static String tooltipText(BlockType type) {
        return type.description().isEmpty() ? type.title() : type.title() + "\n" + type.description();
    }

    /** A category heading or a draggable block. */
    private static final class BlockCell extends TreeCell<Object> {
        private final PaletteViewModel viewModel;

        BlockCell(PaletteViewModel viewModel) {
            // Cells as wide as the palette, long names ending in "…" (the tooltip has them whole),
            // rather than a sideways scroll bar under a narrow column.
            setPrefWidth(0);
            setOnDragDetected(e -> {
                if (getItem() instanceof BlockType type) {
                    Dragboard board = startDragAndDrop(TransferMode.COPY);
                    board.setContent(Map.of(GraphCanvas.BLOCK_TYPE_FORMAT, type.id()));
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof BlockType t) {
                    viewModel.add(t);
                }
            });
            this.viewModel = viewModel;
        }

        /** Add to canvas for every block; a saved block of My blocks can also be deleted from the library. */
        private ContextMenu menu(BlockType type) {
            MenuItem add = new MenuItem("Add to canvas", new FontIcon(Feather.PLUS_SQUARE));
            add.setId("palette-menu-add");
            add.setOnAction(e -> viewModel.add(type));
            ContextMenu menu = new ContextMenu(add);
            if (viewModel.isSaved(type)) {
                MenuItem delete = new MenuItem("Delete from My blocks…", new FontIcon(Feather.TRASH_2));
                delete.setId("palette-menu-delete");
                delete.setOnAction(e -> viewModel.delete(type));
                menu.getItems().addAll(new SeparatorMenuItem(), delete);
            }
            return menu;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-block", "palette-category");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setContextMenu(null);
                setId(null);
            } else if (item instanceof BlockType type) {
                getStyleClass().add("palette-block");
                setText(type.title());
                setId("palette-" + type.id());
                setGraphic(new FontIcon(Feather.BOX));
                setTooltip(new Tooltip(tooltipText(type)));
                setContextMenu(menu(type));
            } else {
                getStyleClass().add("palette-category");
                setText(item.toString());
                setId(null);
                setGraphic(null);
                setTooltip(null);
                setContextMenu(null);
            }
        }
    }
}
