package dev.tensorloom.studio.editor;

import dev.tensorloom.canvas.GraphCanvas;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.composite.SavedBlock;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * The studio's editor: the graph-canvas control, with the shape check that refuses wires whose
 * shapes do not fit (the canvas shows the reason beside the port).
 */
public final class GraphCanvasEditor implements EditorCanvas {
    private final GraphCanvas canvas;
    private final StackPane view;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public GraphCanvasEditor(Document document, UndoStack undoStack, BlockCatalog catalog) {
        canvas = new GraphCanvas(document, undoStack, catalog);
        canvas.setId("graph-canvas");
        // The studio always runs under an AtlantaFX theme (light or dark); the canvas follows it.
        canvas.followAtlantaFxTheme();
        canvas.connectionCheckProperty().set(new ShapeConnectionCheck(document, catalog));
        Label notice = new Label();
        notice.setId("editor-notice");
        notice.getStyleClass().add("editor-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(560);
        notice.setMouseTransparent(true);
        notice.textProperty().bind(this.notice);
        notice.visibleProperty().bind(this.notice.isNotEmpty());
        StackPane.setAlignment(notice, Pos.TOP_CENTER);
        StackPane.setMargin(notice, new Insets(8, 48, 0, 48));
        view = new StackPane(canvas, notice);
        view.getStyleClass().add("editor-canvas");
    }

    /**
     * Marks the blocks edited since the active run started (dashed outline) and shows {@code text} at the top
     * of the editor; an empty set and text clear both.
     */
    public void showUntrainedEdits(Set<String> blocks, String text) {
        canvas.setMarkedNodes(blocks);
        notice.set(text);
    }

    /** The notice at the top of the editor (empty: hidden). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The canvas control itself, for tests and for features this interface does not cover. */
    public GraphCanvas canvas() {
        return canvas;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableSet<String> selection() {
        return canvas.selection();
    }

    @Override
    public void zoomIn() {
        canvas.zoomIn();
    }

    @Override
    public void zoomOut() {
        canvas.zoomOut();
    }

    @Override
    public void zoomToFit() {
        canvas.zoomToFit();
    }

    /** Shows a project just opened: whole, or a long strip from its start at a readable zoom. */
    public void showStart() {
        canvas.showStart();
    }

    @Override
    public void autoLayout() {
        canvas.autoLayout();
    }

    @Override
    public BooleanProperty minimapVisibleProperty() {
        return canvas.minimapVisibleProperty();
    }

    @Override
    public ReadOnlyObjectProperty<String> selectedWireProperty() {
        return canvas.selectedWireProperty();
    }

    @Override
    public void selectAll() {
        canvas.selectAll();
    }

    @Override
    public void deleteSelection() {
        canvas.deleteSelection();
    }

    @Override
    public String copySelection() {
        return canvas.copySelection();
    }

    @Override
    public void paste(String json) {
        canvas.paste(json);
    }

    @Override
    public void groupSelection() {
        canvas.groupSelection();
    }

    @Override
    public void ungroupSelection() {
        canvas.ungroupSelection();
    }

    @Override
    public void addNodeAtCentre(String typeId) {
        canvas.addNode(typeId, centre());
    }

    @Override
    public void insertBlockAtCentre(SavedBlock block) {
        canvas.insertBlock(block, centre());
    }

    private Point2D centre() {
        double w = canvas.getWidth() > 0 ? canvas.getWidth() : 800;
        double h = canvas.getHeight() > 0 ? canvas.getHeight() : 600;
        return canvas.screenToCanvas(new Point2D(w / 2, h / 2));
    }

    @Override
    public ReadOnlyObjectProperty<String> openGroupProperty() {
        return canvas.scopeProperty();
    }

    @Override
    public void openGroup(String groupId) {
        canvas.openGroup(groupId);
    }

    @Override
    public void closeGroup() {
        canvas.closeGroup();
    }

    @Override
    public void revealNode(String nodeId) {
        canvas.reveal(nodeId);
    }

    @Override
    public WritableImage snapshot() {
        return view.snapshot(null, null);
    }
}
