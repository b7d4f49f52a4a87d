package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.PortRef;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * The views of one document, the one door the canvas uses to them. Every shown item (node or collapsed
 * group) has an {@link ItemShape} filed in a spatial grid; its {@link NodeView} is built only when it comes
 * near the viewport or someone asks for it, so opening a 5,000-node graph builds a screenful of views.
 * Wires work the same way: a record and a grid entry each, a {@link WireView} only when needed.
 *
 * <p>The parts, each with one job: {@link ItemViews} (items), {@link WireRoutes} (wires),
 * {@link DocumentPatcher} (following {@link DocumentChange}s), {@link SceneCuller} (what is in the scene),
 * {@link ZoomSharpener} (cached bitmaps while zooming) and {@link ViewDressing} (selection, marks and
 * candidates on built views); {@link FrameBudget} says how much of that work one frame may do.
 */
public final class GraphViews {
    private final ItemViews items;
    private final WireRoutes wires;
    private final SceneCuller scene;
    private final ZoomSharpener sharpener;
    private final ViewDressing dressing;
    private final DocumentPatcher patcher;

    public GraphViews(Document doc, BlockCatalog catalog, ViewDecorations decorations) {
        // The parts call each other back through these methods, once all of them exist.
        this.items = new ItemViews(doc, catalog, v -> dressing().dress(v), v -> scene().drop(v),
                id -> wires().rerouteNode(id));
        this.wires = new WireRoutes(doc, items, v -> dressing().dressWire(v), v -> scene().drop(v));
        this.scene = new SceneCuller(items, wires);
        this.sharpener = new ZoomSharpener(items.builtViews(), scene::isDrawn);
        this.dressing = new ViewDressing(items.builtViews(), decorations, sharpener);
        this.patcher = new DocumentPatcher(doc, items, wires);
    }

    private SceneCuller scene() {
        return scene;
    }

    private WireRoutes wires() {
        return wires;
    }

    private ViewDressing dressing() {
        return dressing;
    }

    /** The layer the wire views are shown in (under the nodes). */
    public javafx.scene.Group wireLayer() {
        return scene.wireLayer;
    }

    /** The layer the node views are shown in. */
    public javafx.scene.Group nodeLayer() {
        return scene.nodeLayer;
    }

    /** Records every item and wire; builds no view. */
    public void buildAll() {
        patcher.recordAll();
    }

    /** The level of the group nesting shown: null for the top level, else the opened group. */
    public String scope() {
        return items.scope();
    }

    /** Shows another level of the nesting: every item and wire is recorded again for it. */
    public void rescope(String scope) {
        items.rescope(scope);
        wires.clear();
        scene.invalidate();
        buildAll();
    }

    // ---- items and wires --------------------------------------------------------------------

    /** The view of a shown item, built now if it did not exist; null when the item is not shown. */
    public NodeView item(String id) {
        return items.item(id);
    }

    /** The view if it was built, else null; never builds one. */
    public NodeView builtItem(String id) {
        return items.built(id);
    }

    /** Ids of every shown item, whether its view exists or not. */
    public Set<String> itemIds() {
        return items.ids();
    }

    public ItemShape shape(String id) {
        return items.shape(id);
    }

    public Collection<ItemShape> shapes() {
        return items.shapes();
    }

    /** The box around every shown item at its stored place, or null when none is shown. */
    public Bounds contentBounds() {
        return items.contentBounds();
    }

    /** Ids of the shown items whose boxes meet a rectangle in canvas units. */
    public Set<String> itemsIn(double minX, double minY, double maxX, double maxY) {
        return items.in(minX, minY, maxX, maxY);
    }

    /** How many node views were built since the canvas opened (tests, benchmark). */
    public int builtCount() {
        return items.builtCount();
    }

    /** The view of a wire, built now if needed; null for an unknown id. */
    public WireView wire(String id) {
        return wires.wire(id);
    }

    /** Ids of every wire in the document. */
    public Set<String> wireIds() {
        return wires.ids();
    }

    /** Ids of the wires near a rectangle in canvas units. */
    public Set<String> wiresIn(double minX, double minY, double maxX, double maxY) {
        return wires.in(minX, minY, maxX, maxY);
    }

    /** The two ends of every shown wire near an area, at the items' stored positions, for the overview. */
    public void forEachWireIn(Bounds area, BiConsumer<Point2D, Point2D> segment) {
        wires.forEachIn(area, segment);
    }

    /**
     * The straight segment the overview draws for a wire: its two ends at the items' stored positions, in canvas
     * units; null for an unknown wire or one not shown (both ends in one collapsed group).
     */
    public Point2D[] wireSegment(String id) {
        return wires.segment(id);
    }

    /** Re-routes the built wires touching an item's nodes; used while dragging, when only views move. */
    public void rerouteItem(String itemId) {
        wires.rerouteItem(itemId);
    }

    // ---- patching ---------------------------------------------------------------------------

    /** Patches the views a document change touches. */
    public void apply(DocumentChange change) {
        scene.invalidate();
        patcher.apply(change);
    }

    // ---- culling and building ahead of need -------------------------------------------------

    /**
     * Whether the attached views no longer cover {@code visible} (canvas units): pans inside the
     * margin culled last time need no work at all.
     */
    public boolean needsCull(Bounds visible, boolean detailed) {
        return scene.needsCull(visible, detailed);
    }

    /**
     * Keeps in the scene only the views that meet {@code area} (canvas units), building the ones
     * missing, or shows none when the overview is drawn instead: the scene graph, CSS and rendering
     * then scale with what is on screen, not with the size of the graph. Work is proportional to
     * the items in the area, read from the grid. While views are in the scene, at most {@link
     * FrameBudget#BUILDS_PER_PASS} are built per call, so a zoom-out that uncovers many blocks spreads their
     * cost over a few frames; returns false when some were left for the next pass.
     */
    public boolean cull(Bounds area, boolean detailed) {
        return scene.cull(area, detailed);
    }

    /** Forgets what was culled, so the next layout pass culls again. */
    public void invalidateCull() {
        scene.invalidate();
    }

    /** Whether the last pass built every view its area needed (false while views are built over frames). */
    public boolean cullComplete() {
        return scene.cullComplete();
    }

    /** Whether a view is shown now: in the scene, and not hidden under the overview (tests, gestures). */
    public boolean isAttached(NodeView view) {
        return scene.isAttached(view);
    }

    /**
     * Makes the reserve hold views for {@code area} only: hidden views outside it leave the scene.
     * Null empties the reserve.
     */
    public void keepReserveIn(Bounds area) {
        scene.keepReserveIn(area);
    }

    /**
     * Builds an item's view if needed and puts it in the scene hidden, styled and laid out, so a
     * later pass only shows it; false when there was nothing to do (shown, held, or gone).
     */
    public boolean prepare(String id) {
        return scene.prepare(id);
    }

    /**
     * Like {@link #prepare} for a wire: builds it if needed and puts it in the scene held hidden and
     * styled; false when there was nothing to do (shown, held, gone or not drawn at all).
     */
    public boolean prepareWire(String id) {
        return scene.prepareWire(id);
    }

    /** Whether a wire is shown or waits held in the scene: nothing left to prepare for it. */
    public boolean isPreparedWire(String id) {
        return scene.isPreparedWire(id);
    }

    /** Whether an item's view waits hidden in the scene (tests). */
    public boolean isReserved(String id) {
        return scene.isReserved(items.built(id));
    }

    /** Whether an item's view is shown or waits hidden in the scene: nothing left to prepare for it. */
    public boolean isPrepared(String id) {
        return scene.isPrepared(items.built(id));
    }

    public int reserveSize() {
        return scene.reserveSize();
    }

    public int wireReserveSize() {
        return scene.wireReserveSize();
    }

    // ---- zooming ----------------------------------------------------------------------------

    /**
     * While a zoom gesture runs, views scale their cached bitmaps instead of rendering text at every
     * new scale; when it settles they render sharp again, once, a few per pass ({@link #sharpen}).
     */
    public void setZooming(boolean value) {
        sharpener.setZooming(value);
    }

    /** Whether a zoom gesture runs (set until it settles). */
    public boolean isZooming() {
        return sharpener.isZooming();
    }

    /**
     * Turns up to {@link FrameBudget#SHARPENS_PER_PASS} shown views sharp, and every view not shown (they cost
     * nothing until drawn); returns whether some are left for the next pass.
     */
    public boolean sharpen() {
        return sharpener.sharpen();
    }

    /** Whether views still wait to be turned sharp after the last zoom (tests, benchmark). */
    public boolean sharpening() {
        return sharpener.sharpening();
    }

    // ---- decorations ------------------------------------------------------------------------

    /** Marks, on built views and on views built until it is cleared, which inputs may take a wire. */
    public void markCandidates(Function<PortRef, Optional<String>> check) {
        dressing.markCandidates(check);
    }

    public void clearCandidates() {
        dressing.clearCandidates();
    }

    public void selectionChanged(String id, boolean selected) {
        NodeView v = items.built(id);
        if (v != null) {
            v.setSelected(selected);
        }
    }

    public void annotationsChanged(Map<String, NodeAnnotation> before, Map<String, NodeAnnotation> after) {
        dressing.annotationsChanged(before, after);
    }

    public void statesChanged(Map<String, String> after) {
        dressing.statesChanged(after);
    }

    /**
     * The marked inputs or the selected wire changed: every built wire view is dressed again (views built later
     * read the marks then).
     */
    public void wireMarksChanged() {
        wires.builtViews().forEach(dressing::dressWire);
    }

    /** The application's marked blocks changed: every built view is redressed. */
    public void marksChanged() {
        dressing.marksChanged();
    }
}
