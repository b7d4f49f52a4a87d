package dev.tensorloom.canvas;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.state.CanvasMarks;
import dev.tensorloom.canvas.state.CanvasSelection;
import dev.tensorloom.canvas.state.ShownLevel;
import dev.tensorloom.canvas.state.Viewport;
import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.EstimatedGeometry;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeGeometry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableSet;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.DataFormat;

/**
 * The node-graph editor control: shows a {@link Document}, lets the user select, move, connect,
 * group, copy and delete blocks, and turns every edit into one command on the {@link UndoStack}.
 * It listens to the document and patches only the views a change names, so undo, redo and edits
 * from elsewhere (the inspector) show up without a rebuild.
 *
 * <p>This class is the control's public face; the work is done by its parts: the state in
 * {@code canvas.state} (zoom and pan, selection, the level shown, the application's marks), the edits
 * in {@link CanvasActions} and {@link CanvasEditing}, the drawing in {@link GraphCanvasSkin}.
 *
 * <p>Coordinates: a node's {@link Position} is in canvas units; the screen shows
 * {@code canvas * zoom + pan}. Everything here runs on the FX thread.
 */
public class GraphCanvas extends Control {
    /** Drag-and-drop payload of the palette: a block type id; dropping it adds that block. */
    public static final DataFormat BLOCK_TYPE_FORMAT = new DataFormat("application/x-tensorloom-block-type");

    private final Document document;
    private final UndoStack undoStack;
    private final BlockCatalog catalog;
    private final CanvasEditing editing;
    private final ConnectionRules rules;
    private final Viewport viewport = new Viewport(this);
    private final CanvasSelection selection;
    private final ShownLevel level;
    private final CanvasMarks marks = new CanvasMarks(this);
    private final CanvasActions actions;
    private final BooleanProperty minimapVisible = new SimpleBooleanProperty(this, "minimapVisible", true);
    private final CanvasMessages messages = new CanvasMessages(this);
    private final ObjectProperty<ConnectionCheck> connectionCheck =
            new SimpleObjectProperty<>(this, "connectionCheck", ConnectionCheck.NONE);
    private final CanvasLayouts layouts = new CanvasLayouts(this);
    private final CanvasMenus menus;

    public GraphCanvas(Document document, UndoStack undoStack, BlockCatalog catalog) {
        this.document = Objects.requireNonNull(document, "document");
        this.undoStack = Objects.requireNonNull(undoStack, "undoStack");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (undoStack.document() != document) {
            throw new IllegalArgumentException("the undo stack belongs to another document");
        }
        this.editing = new CanvasEditing(undoStack, catalog);
        this.rules = new ConnectionRules(document, catalog);
        this.selection = new CanvasSelection(document);
        this.level = new ShownLevel(this, document, selection);
        this.actions = new CanvasActions(document, editing, rules, selection, level,
                (text, port) -> messages.report(CanvasMessage.Kind.REFUSED, text, port));
        this.menus = new CanvasMenus(this);
        getStyleClass().add(CanvasStyles.CANVAS);
        setFocusTraversable(true);
        LayoutThread.warmUp();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GraphCanvasSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return GraphCanvas.class.getResource("graph-canvas.css").toExternalForm();
    }

    /**
     * Takes the canvas colours from the application's AtlantaFX theme ({@code -color-*}), so a light/dark
     * switch restyles the canvas too; without an AtlantaFX theme the canvas keeps its own light colours.
     */
    public void followAtlantaFxTheme() {
        String sheet = GraphCanvas.class.getResource("graph-canvas-atlantafx.css").toExternalForm();
        if (!getStylesheets().contains(sheet)) {
            getStylesheets().add(sheet);
        }
    }

    public Document document() {
        return document;
    }

    public UndoStack undoStack() {
        return undoStack;
    }

    public BlockCatalog catalog() {
        return catalog;
    }

    /** Ids of the selected nodes and collapsed groups; read-only (change it with {@link #select} and co.). */
    public ObservableSet<String> selection() {
        return selection.items();
    }

    /** Replaces the selection with these ids (unknown ids are ignored). */
    public void select(Collection<String> ids) {
        selection.select(ids);
    }

    /** Clears the selected nodes and the selected wire. */
    public void clearSelection() {
        selection.clear();
    }

    /** The selected wire's id, or null; a wire and nodes are never selected together. */
    public ReadOnlyObjectProperty<String> selectedWireProperty() {
        return selection.wireProperty();
    }

    /** Selects every node shown (collapsed groups as themselves). */
    public void selectAll() {
        select(CanvasItems.visibleIds(document, level.get()));
    }

    /** The level shown: null for the top level, else the id of the group opened. */
    public ReadOnlyObjectProperty<String> scopeProperty() {
        return level.property();
    }

    public String getScope() {
        return level.get();
    }

    /** Shows the inside of a group (double-click on a collapsed group); ignored for an unknown id. */
    public void openGroup(String groupId) {
        level.open(groupId);
    }

    /** Shows the level the open group sits in; does nothing at the top level. */
    public void closeGroup() {
        level.close();
    }

    /** Zoom and pan: which canvas point is where on the screen. */
    public Viewport viewport() {
        return viewport;
    }

    /** Screen pixels per canvas unit, between {@link Viewport#MIN_ZOOM} and {@link Viewport#MAX_ZOOM}. */
    public double getZoom() {
        return viewport.zoomProperty().get();
    }

    public void setZoom(double value) {
        viewport.zoomProperty().set(value);
    }

    /** Zooms in one step around the middle of the canvas. */
    public void zoomIn() {
        viewport.zoomAround(new Point2D(getWidth() / 2, getHeight() / 2), Viewport.ZOOM_STEP);
    }

    /** Zooms out one step around the middle of the canvas. */
    public void zoomOut() {
        viewport.zoomAround(new Point2D(getWidth() / 2, getHeight() / 2), 1 / Viewport.ZOOM_STEP);
    }

    /**
     * Zooms and pans so every shown node fits, never past 1:1; only graphs of more than
     * {@link OverviewLayer#SMALL_GRAPH} items switch to the overview bitmap when that zooms far out.
     */
    public void zoomToFit() {
        ViewportFit.fit(this, skinGeometry().bounds(CanvasItems.visibleIds(document, level.get())));
    }

    /** How a project just opened is shown: whole when readable, else a long strip's start ({@link ViewportFit}). */
    public void showStart() {
        ViewportFit.readable(this, skinGeometry().bounds(CanvasItems.visibleIds(document, level.get())));
    }

    /**
     * Selects the item a node is shown as (itself, or the collapsed group holding it) and centres the view on
     * it, opening the level that shows it when needed ({@link CanvasReveal}); unknown ids are ignored.
     */
    public void reveal(String nodeId) {
        CanvasReveal.reveal(this, nodeId);
    }

    /** Canvas coordinates of a point in this control's coordinates. */
    public Point2D screenToCanvas(Point2D screen) {
        return viewport.screenToCanvas(screen);
    }

    /** This control's coordinates of a canvas point. */
    public Point2D canvasToScreen(Point2D canvas) {
        return viewport.canvasToScreen(canvas);
    }

    /** Whether the overview in the corner is shown. */
    public BooleanProperty minimapVisibleProperty() {
        return minimapVisible;
    }

    /**
     * Lays the level shown out left to right (ELK layered) as one undoable MoveNodes; above
     * {@link ElkAutoLayout#LARGE} items in the background ({@link #autoLayoutInBackground()}).
     */
    public void autoLayout() {
        layouts.autoLayout();
    }

    /** Auto-layout on the layout thread; completes on the FX thread with whether it was applied. */
    public CompletableFuture<Boolean> autoLayoutInBackground() {
        return layouts.inBackground();
    }

    /** True while a background auto-layout runs. */
    public ReadOnlyBooleanProperty layoutRunningProperty() {
        return layouts.runningProperty();
    }

    /** Badges, output shapes and problems per node id; nodes missing from the map show none. */
    public void setNodeAnnotations(Map<String, NodeAnnotation> values) {
        marks.setAnnotations(values);
    }

    /** Memory-replay state per node id ({@link CanvasStyles#STATE_KEPT}…), shown as style class {@code state-*}. */
    public void setNodeStates(Map<String, String> states) {
        marks.setStates(states);
    }

    public ReadOnlyObjectProperty<Map<String, String>> nodeStatesProperty() {
        return marks.statesProperty();
    }

    /**
     * Marks the wires into these inputs as faulty ({@link CanvasStyles#WIRE_PROBLEM}, red and dashed), wire
     * views built later too; an empty set clears every mark.
     */
    public void setProblemInputs(Set<PortRef> inputs) {
        marks.setProblemInputs(inputs);
    }

    /** Blocks drawn with the marked outline ({@link CanvasStyles#MARKED}); a group is marked when a block inside is. */
    public void setMarkedNodes(Set<String> ids) {
        marks.setMarked(ids);
    }

    /** An extra rule for which ports may connect (for example a shape check); default none. */
    public ObjectProperty<ConnectionCheck> connectionCheckProperty() {
        return connectionCheck;
    }

    /** The latest message for the user: a refused wire with its reason, refused clipboard content… */
    public ReadOnlyObjectProperty<CanvasMessage> messageProperty() {
        return messages.property();
    }

    CanvasMessages messages() {
        return messages;
    }

    /** Deletes the selected wire, or the selected nodes and groups' members with their wires, as one command. */
    public void deleteSelection() {
        actions.deleteSelection();
    }

    /** Project JSON of the selection, for the clipboard; empty text when nothing is selected. */
    public String copySelection() {
        return actions.copySelection();
    }

    /** Pastes project JSON with fresh ids, offset, as one command, and selects it; other text is refused. */
    public boolean paste(String json) {
        return actions.paste(json);
    }

    /** Makes the selected items one collapsed group, whose ports are the wires crossing its edge, and selects it. */
    public void groupSelection() {
        actions.groupSelection();
    }

    /** Dissolves the groups of the selected nodes. */
    public void ungroupSelection() {
        actions.ungroupSelection();
    }

    /** Adds a block of this type with default parameters at a canvas point; returns its id, or null if refused. */
    public String addNode(String typeId, Point2D canvasPoint) {
        return actions.addNode(typeId, canvasPoint);
    }

    /** Adds a saved block at a canvas point as one collapsed group and selects it; its id, or null if refused. */
    public String insertBlock(SavedBlock block, Point2D canvasPoint) {
        return actions.insertBlock(block, canvasPoint);
    }

    /** Connects two ports as one command; a refusal is reported on {@link #messageProperty()}, at {@code to}. */
    public boolean connect(PortRef from, PortRef to) {
        return actions.connect(from, to, connectionCheck.get());
    }

    /** The right-click menus (package-private for tests). */
    CanvasMenus menus() {
        return menus;
    }

    CanvasEditing editing() {
        return editing;
    }

    ConnectionRules rules() {
        return rules;
    }

    /** What the application paints on items and wires (the skin listens to it). */
    CanvasMarks marks() {
        return marks;
    }

    CanvasSelection selectionState() {
        return selection;
    }

    /** Node sizes from the skin when it exists, else estimated from the catalog. */
    NodeGeometry skinGeometry() {
        return getSkin() instanceof GraphCanvasSkin skin ? skin.geometry() : new EstimatedGeometry(document, catalog);
    }
}
