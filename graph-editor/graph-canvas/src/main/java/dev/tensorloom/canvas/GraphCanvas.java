package dev.tensorloom.canvas;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.canvas.view.EstimatedGeometry;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeGeometry;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Position;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
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
 * <p>Coordinates: a node's {@link Position} is in canvas units; the screen shows
 * {@code canvas * zoom + pan}. Everything here runs on the FX thread.
 */
public class GraphCanvas extends Control {
    /** Drag-and-drop payload of the palette: a block type id; dropping it adds that block. */
    public static final DataFormat BLOCK_TYPE_FORMAT = new DataFormat("application/x-tensorloom-block-type");

    static final double MIN_ZOOM = 0.02;
    static final double MAX_ZOOM = 4;
    static final double ZOOM_STEP = 1.2;
    private final Document document;
    private final UndoStack undoStack;
    private final BlockCatalog catalog;
    private final CanvasEditing editing;
    private final ConnectionRules rules;

    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> selectionView = FXCollections.unmodifiableObservableSet(selection);
    private final WireSelection wireSelection;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1) {
        @Override
        public void set(double value) {
            // Wheel steps in and out again leave 1.0000000002: at exactly 1 the software renderer
            // copies cached views instead of filtering them, and text stays crisp.
            double snapped = Math.abs(value - 1) < 1e-6 ? 1 : value;
            super.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, snapped)));
        }
    };
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    private final BooleanProperty minimapVisible = new SimpleBooleanProperty(this, "minimapVisible", true);
    private final ReadOnlyObjectWrapper<Map<String, NodeAnnotation>> annotations =
            new ReadOnlyObjectWrapper<>(this, "annotations", Map.of());
    private final ReadOnlyObjectWrapper<Map<String, String>> nodeStates =
            new ReadOnlyObjectWrapper<>(this, "nodeStates", Map.of());
    private final ReadOnlyObjectWrapper<Set<dev.tensorloom.model.doc.PortRef>> problemInputs =
            new ReadOnlyObjectWrapper<>(this, "problemInputs", Set.of());
    private final ReadOnlyObjectWrapper<Set<String>> markedNodes =
            new ReadOnlyObjectWrapper<>(this, "markedNodes", Set.of());
    private final ReadOnlyObjectWrapper<CanvasMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ObjectProperty<ConnectionCheck> connectionCheck =
            new SimpleObjectProperty<>(this, "connectionCheck", ConnectionCheck.NONE);
    private final ReadOnlyObjectWrapper<String> scope = new ReadOnlyObjectWrapper<>(this, "scope");
    private final CanvasLayouts layouts = new CanvasLayouts(this);
    private final CanvasMenus menus;
    private long messageSerial;

    public GraphCanvas(Document document, UndoStack undoStack, BlockCatalog catalog) {
        this.document = Objects.requireNonNull(document, "document");
        this.undoStack = Objects.requireNonNull(undoStack, "undoStack");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (undoStack.document() != document) {
            throw new IllegalArgumentException("the undo stack belongs to another document");
        }
        this.editing = new CanvasEditing(undoStack, catalog);
        this.rules = new ConnectionRules(document, catalog);
        this.menus = new CanvasMenus(this);
        this.wireSelection = new WireSelection(document, selection);
        getStyleClass().add(CanvasStyles.CANVAS);
        setFocusTraversable(true);
        LayoutThread.warmUp();
        // Selected ids of removed nodes would otherwise linger and be deleted or copied later.
        document.addListener(change -> {
            if (change instanceof dev.tensorloom.model.doc.DocumentChange.NodeRemoved r) {
                selection.remove(r.node().id());
            } else if (change instanceof dev.tensorloom.model.doc.DocumentChange.GroupChanged g && g.after() == null) {
                selection.remove(g.before().id());
                // The open group was dissolved (or its making undone): show the level it sat in.
                if (g.before().id().equals(scope.get())) {
                    String parent = g.before().parent();
                    scope.set(parent != null && document.group(parent).isPresent() ? parent : null);
                }
            }
        });
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
     * Takes the canvas colours from the AtlantaFX theme of the application (its {@code -color-*}
     * looked-up colours), so switching between light and dark restyles the canvas too. Call it
     * only when an AtlantaFX theme is the user-agent stylesheet; otherwise the canvas keeps its
     * own light colours.
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

    // ---- selection ---------------------------------------------------------------------------

    /**
     * Ids of the selected nodes (and of collapsed groups shown as one node); read-only, change it
     * with {@link #select}, {@link #clearSelection} and {@link #selectAll}.
     */
    public ObservableSet<String> selection() {
        return selectionView;
    }

    /** Replaces the selection with these ids (unknown ids are ignored). */
    public void select(Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids) {
            if (document.containsNode(id) || document.group(id).isPresent()) {
                known.add(id);
            }
        }
        selection.retainAll(known);
        selection.addAll(known);
    }

    /** Clears the selected nodes and the selected wire. */
    public void clearSelection() {
        selection.clear();
        wireSelection.set(null);
    }

    /**
     * The selected wire's id, or null. A wire and nodes are never selected together: selecting one clears
     * the other. {@link #deleteSelection} removes the selected wire.
     */
    public ReadOnlyObjectProperty<String> selectedWireProperty() {
        return wireSelection.property();
    }

    /** Selects one wire instead of any nodes (a click on it); an unknown id just clears the selection. */
    public void selectWire(String wireId) {
        clearSelection();
        if (wireId != null && document.wire(wireId).isPresent()) {
            wireSelection.set(wireId);
        }
    }

    /** Selects every node shown (collapsed groups as themselves). */
    public void selectAll() {
        select(CanvasItems.visibleIds(document, scope.get()));
    }

    // ---- levels of the group nesting -------------------------------------------------------------

    /** The level shown: null for the top level, else the id of the group opened. */
    public ReadOnlyObjectProperty<String> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public String getScope() {
        return scope.get();
    }

    /** Shows the inside of a group (double-click on a collapsed group); ignored for an unknown id. */
    public void openGroup(String groupId) {
        if (groupId == null || document.group(groupId).isPresent()) {
            clearSelection();
            scope.set(groupId);
        }
    }

    /** Shows the level the open group sits in; does nothing at the top level. */
    public void closeGroup() {
        String open = scope.get();
        if (open != null) {
            String parent = document.group(open).map(dev.tensorloom.model.doc.Group::parent).orElse(null);
            openGroup(parent);
            select(java.util.List.of(open));
        }
    }

    /** Adds or removes one id, for Ctrl-click. */
    void toggleSelected(String id) {
        if (!selection.remove(id)) {
            Set<String> all = new LinkedHashSet<>(selection);
            all.add(id);
            select(all);
        }
    }

    // ---- zoom, pan and layout ----------------------------------------------------------------

    /** Screen pixels per canvas unit. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    public void setZoom(double value) {
        zoom.set(value);
    }

    /** Screen x of canvas x = 0. */
    public DoubleProperty panXProperty() {
        return panX;
    }

    /** Screen y of canvas y = 0. */
    public DoubleProperty panYProperty() {
        return panY;
    }

    public void zoomIn() {
        zoomAround(new Point2D(getWidth() / 2, getHeight() / 2), ZOOM_STEP);
    }

    public void zoomOut() {
        zoomAround(new Point2D(getWidth() / 2, getHeight() / 2), 1 / ZOOM_STEP);
    }

    /** Zooms by {@code factor} keeping the canvas point under {@code screenPoint} where it is. */
    public void zoomAround(Point2D screenPoint, double factor) {
        Point2D anchor = screenToCanvas(screenPoint);
        zoom.set(zoom.get() * factor);
        panX.set(screenPoint.getX() - anchor.getX() * zoom.get());
        panY.set(screenPoint.getY() - anchor.getY() * zoom.get());
    }

    /**
     * Zooms and pans so every shown node fits in the viewport, never zooming in past 1:1. Small graphs
     * keep their real views (titles, ports, wires) however far this zooms out; only graphs of more than
     * {@link OverviewLayer#SMALL_GRAPH} items switch to the overview bitmap.
     */
    public void zoomToFit() {
        ViewportFit.fit(this, skinGeometry().bounds(CanvasItems.visibleIds(document, scope.get())));
    }

    /**
     * How a project just opened is shown: whole when that stays readable, otherwise a long strip from its
     * start at a readable zoom (see {@link ViewportFit#readable}).
     */
    public void showStart() {
        ViewportFit.readable(this, skinGeometry().bounds(CanvasItems.visibleIds(document, scope.get())));
    }

    /**
     * Brings a node into view: selects the item it is shown as at the level shown (itself, or the collapsed
     * group holding it) and centres the view on it, zooming in to a readable scale when far out. A node
     * outside the level shown (inside another group, or outside the open one) opens the level that shows the
     * node itself first. Unknown ids are ignored.
     */
    public void reveal(String nodeId) {
        CanvasReveal.reveal(this, nodeId);
    }

    /** Centres the view on a shown item, keeping the zoom unless it is too small to read (see {@link ViewportFit#centre}). */
    void centreOn(String itemId) {
        Set<String> shown = CanvasItems.visibleIds(document, scope.get());
        if (shown.contains(itemId)) {
            ViewportFit.centre(this, skinGeometry().bounds(Set.of(itemId)));
        }
    }

    /** Canvas coordinates of a point in this control's coordinates. */
    public Point2D screenToCanvas(Point2D screen) {
        return new Point2D((screen.getX() - panX.get()) / zoom.get(), (screen.getY() - panY.get()) / zoom.get());
    }

    /** This control's coordinates of a canvas point. */
    public Point2D canvasToScreen(Point2D canvas) {
        return new Point2D(canvas.getX() * zoom.get() + panX.get(), canvas.getY() * zoom.get() + panY.get());
    }

    /** Whether the overview in the corner is shown. */
    public BooleanProperty minimapVisibleProperty() {
        return minimapVisible;
    }

    /**
     * Lays the graph out left to right along its wires (ELK layered) and pushes one MoveNodes for
     * every node that moved; undo puts them all back. Small graphs are laid out at once; above
     * {@link ElkAutoLayout#LARGE} items the work moves to {@link #autoLayoutInBackground()} so the
     * window stays responsive.
     */
    public void autoLayout() {
        layouts.autoLayout();
    }

    /**
     * Runs ELK on a background thread and applies the result on the FX thread as one MoveNodes, unless the
     * document was edited meanwhile; completes, on the FX thread, with whether the layout was applied.
     */
    public CompletableFuture<Boolean> autoLayoutInBackground() {
        return layouts.inBackground();
    }

    /** True while a background auto-layout runs. */
    public ReadOnlyBooleanProperty layoutRunningProperty() {
        return layouts.runningProperty();
    }

    // ---- annotations and states -------------------------------------------------------------

    /** Badges, output shapes and problems per node id; nodes missing from the map show none. */
    public void setNodeAnnotations(Map<String, NodeAnnotation> values) {
        annotations.set(Map.copyOf(values));
    }

    public ReadOnlyObjectProperty<Map<String, NodeAnnotation>> nodeAnnotationsProperty() {
        return annotations.getReadOnlyProperty();
    }

    /**
     * Memory-replay state per node id ({@link CanvasStyles#STATE_KEPT}, {@code dropped},
     * {@code recomputing}, {@code grad-done}); each becomes the style class {@code state-<state>}.
     */
    public void setNodeStates(Map<String, String> states) {
        nodeStates.set(Map.copyOf(states));
    }

    public ReadOnlyObjectProperty<Map<String, String>> nodeStatesProperty() {
        return nodeStates.getReadOnlyProperty();
    }

    /**
     * Marks the wires into these input ports as faulty (for example a shape mismatch the studio found): each
     * gets the style class {@link CanvasStyles#WIRE_PROBLEM}, drawn red and dashed; wire views built later
     * (they are built lazily, as they come into view) get it too, and an empty set clears every mark.
     */
    public void setProblemInputs(Set<dev.tensorloom.model.doc.PortRef> inputs) {
        problemInputs.set(Set.copyOf(inputs));
    }

    public ReadOnlyObjectProperty<Set<dev.tensorloom.model.doc.PortRef>> problemInputsProperty() {
        return problemInputs.getReadOnlyProperty();
    }

    /**
     * Blocks drawn with the marked outline ({@link CanvasStyles#MARKED}); a collapsed group is marked when a
     * block inside it is. The studio marks the blocks edited while a run trains the graph it started with.
     */
    public void setMarkedNodes(Set<String> ids) {
        markedNodes.set(Set.copyOf(ids));
    }

    public ReadOnlyObjectProperty<Set<String>> markedNodesProperty() {
        return markedNodes.getReadOnlyProperty();
    }

    /** An extra rule for which ports may connect (for example a shape check); default none. */
    public ObjectProperty<ConnectionCheck> connectionCheckProperty() {
        return connectionCheck;
    }

    // ---- messages ----------------------------------------------------------------------------

    /** The latest message for the user: a refused wire with its reason, refused clipboard content… */
    public ReadOnlyObjectProperty<CanvasMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    void report(CanvasMessage.Kind kind, String text) {
        report(kind, text, null);
    }

    /** A message shown beside {@code port} (null: at the bottom of the canvas). */
    void report(CanvasMessage.Kind kind, String text, dev.tensorloom.model.doc.PortRef port) {
        message.set(new CanvasMessage(++messageSerial, kind, text, port));
    }

    // ---- edits -------------------------------------------------------------------------------

    /**
     * Removes the wires at a port, the one into an input or every one out of an output, as one undoable
     * command (the port's Disconnect; a single wire is also deleted by selecting it); returns how many went.
     */
    public int disconnect(dev.tensorloom.model.doc.PortRef port, boolean input) {
        return editing.disconnect(port, input);
    }

    /** The right-click menus (package-private for tests). */
    CanvasMenus menus() {
        return menus;
    }

    /**
     * Deletes the selected wire, or the selected nodes (and the members of selected collapsed groups) with
     * their wires, as one undoable command.
     */
    public void deleteSelection() {
        if (wireSelection.get() != null) {
            editing.disconnect(wireSelection.get());
            return;
        }
        attempt(() -> {
            editing.delete(CanvasItems.memberIds(document, selection));
            return null;
        });
    }

    /** Project JSON of the selection, for the clipboard; empty text when nothing is selected. */
    public String copySelection() {
        Set<String> ids = CanvasItems.memberIds(document, selection);
        return ids.isEmpty() ? "" : editing.copy(ids);
    }

    /**
     * Pastes project JSON with fresh ids, offset from the originals, as one command, and selects
     * what was pasted. Other clipboard content is refused with a message; returns whether it pasted.
     */
    public boolean paste(String json) {
        Set<String> pasted = attempt(() -> editing.paste(json, scope.get()));
        if (pasted != null) {
            select(pasted);
        }
        return pasted != null;
    }

    /**
     * Makes the selected items (nodes and collapsed groups of the level shown) one block: a collapsed group
     * whose ports are the wires crossing its edge, then selected.
     */
    public void groupSelection() {
        String made = attempt(() -> editing.group(selection));
        if (made != null) {
            select(Set.of(made));
        }
    }

    /** Dissolves the groups of the selected nodes. */
    public void ungroupSelection() {
        attempt(() -> editing.ungroup(selection));
    }

    /** Adds a block of this type with default parameters at a canvas point; returns its id, or null if refused. */
    public String addNode(String typeId, Point2D canvasPoint) {
        String id = attempt(() -> editing.add(typeId, new Position(canvasPoint.getX(), canvasPoint.getY()), scope.get()));
        if (id != null) {
            select(Set.of(id));
        }
        return id;
    }

    /**
     * Adds a copy of a saved block at a canvas point, in the level shown, as one collapsed group, and selects
     * it; returns the group's id, or null if refused.
     */
    public String insertBlock(dev.tensorloom.model.composite.SavedBlock block, Point2D canvasPoint) {
        String id = attempt(() -> {
            var insert = new dev.tensorloom.model.composite.InsertBlock(block,
                    new Position(canvasPoint.getX(), canvasPoint.getY()), scope.get());
            editing.push(insert);
            return insert.groupId();
        });
        if (id != null) {
            select(Set.of(id));
        }
        return id;
    }

    /** Connects two ports as one command; a refusal is reported on {@link #messageProperty()}, at {@code to}. */
    public boolean connect(dev.tensorloom.model.doc.PortRef from, dev.tensorloom.model.doc.PortRef to) {
        var refusal = rules.refusal(from, to, connectionCheck.get());
        try {
            if (refusal.isEmpty()) {
                editing.push(new dev.tensorloom.model.command.Connect(from, to));
                return true;
            }
        } catch (GraphEditException e) {
            refusal = java.util.Optional.of(e.getMessage());
        }
        report(CanvasMessage.Kind.REFUSED, refusal.get(), to);
        return false;
    }

    CanvasEditing editing() {
        return editing;
    }

    ConnectionRules rules() {
        return rules;
    }

    /** Runs an edit; a refused edit becomes a message and yields null. */
    private <T> T attempt(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (GraphEditException e) {
            report(CanvasMessage.Kind.REFUSED, e.getMessage());
            return null;
        }
    }

    /** Node sizes from the skin when it exists, else estimated from the catalog. */
    NodeGeometry skinGeometry() {
        return getSkin() instanceof GraphCanvasSkin skin ? skin.geometry() : new EstimatedGeometry(document, catalog);
    }
}
