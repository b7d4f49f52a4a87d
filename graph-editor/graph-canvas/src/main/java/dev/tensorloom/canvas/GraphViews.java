package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.shape.DType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;

/**
 * The views of one document. Every shown item (node or collapsed group) has an {@link ItemShape}
 * filed in a {@link SpatialGrid}; its {@link NodeView} is built only when it comes near the
 * viewport or someone asks for it, so opening a 5,000-node graph builds a screenful of views.
 * Wires work the same way: a record and a grid entry each, a {@link WireView} only when needed.
 * Patched per {@link DocumentChange}: a change touches the items it names and their wires.
 * Anchor: tesis graph-editor's {@code ModelMemory}.
 */
final class GraphViews {
    /**
     * Most node views one culling pass builds once some are in the scene: CSS and layout of a new
     * view cost about 0.6 ms, so twelve keep a frame that uncovers many of them within its 16 ms.
     * The first pass after opening builds every view it needs, so the first frame is complete;
     * later, the overview stays drawn under the views until they are all built.
     */
    static final int BUILDS_PER_PASS = 12;
    /**
     * Most views built ahead (hidden in the scene) that one pass shows: each still renders its
     * cached bitmap the first time it is drawn (about 0.6 ms in the software pipeline), so a
     * zoom-out that uncovers a ring of them spreads that over a few frames too, with the overview
     * under them meanwhile. At 24 a pass cost 17 to 21 ms; at 8 the frames stay near 10 ms.
     */
    static final int SHOWS_PER_PASS = 8;
    /**
     * Most shown views one pass turns sharp after a zoom settles: each renders its cached bitmap
     * again at the new scale, and a screenful at once made a 29 to 35 ms frame.
     */
    static final int SHARPENS_PER_PASS = 12;

    final javafx.scene.Group wireLayer = new javafx.scene.Group();
    final javafx.scene.Group nodeLayer = new javafx.scene.Group();

    private final GraphCanvas canvas;
    private final Document doc;
    private final BlockCatalog catalog;
    private final Map<String, ItemShape> shapes = new LinkedHashMap<>();
    private final Map<String, NodeView> items = new HashMap<>();
    private final Map<String, Wire> wiresById = new LinkedHashMap<>();
    private final Map<String, WireView> wires = new HashMap<>();
    private final Map<String, Set<String>> wiresByNode = new HashMap<>();
    private final SpatialGrid itemGrid = new SpatialGrid();
    private final SpatialGrid wireGrid = new SpatialGrid();
    private final Set<NodeView> attachedItems = new HashSet<>();
    private final Set<WireView> attachedWires = new HashSet<>();
    /**
     * Built views kept in the scene hidden, styled and laid out, ready for a zoom-out: a pass that
     * wants one only shows it. Filled in idle frames by {@link ViewPrebuilder}, only inside {@link #keep}.
     */
    private final Set<NodeView> reserve = new HashSet<>();
    /** Wires built ahead like {@link #reserve}: in the scene, styled, held hidden until a pass wants them. */
    private final Set<WireView> wireReserve = new HashSet<>();
    /** The area whose views the reserve holds (canvas units), or null when it holds none. */
    private Bounds keep;
    /** While a wire is being drawn: why an input may not take it; applied to views built meanwhile too. */
    private Function<PortRef, Optional<String>> candidateCheck;
    /** The area the attached views cover (canvas units), or null when the next pass must cull. */
    private Bounds covered;
    private boolean coveredDetailed;
    /** Whether a pass ran yet: the first one builds without a budget, so an opened canvas shows whole. */
    private boolean culledOnce;
    private boolean lastCullComplete = true;
    private int built;
    private boolean zooming;
    /** Views still drawn from a bitmap cached at another scale since the last zoom settled. */
    private final Set<NodeView> blurred = new LinkedHashSet<>();
    private Bounds content;

    GraphViews(GraphCanvas canvas) {
        this.canvas = canvas;
        this.doc = canvas.document();
        this.catalog = canvas.catalog();
        // Views are sized by hand; letting the groups autosize them would lay them all out again.
        wireLayer.setAutoSizeChildren(false);
        nodeLayer.setAutoSizeChildren(false);
        wireLayer.setMouseTransparent(true);
    }

    /** Records every item and wire; builds no view. */
    void buildAll() {
        for (String id : CanvasItems.visibleIds(doc)) {
            syncItem(id);
        }
        for (Wire w : doc.wires()) {
            register(w);
        }
    }

    /** The view of a shown item, built now if it did not exist; null when the item is not shown. */
    NodeView item(String id) {
        NodeView view = items.get(id);
        if (view == null && shapes.containsKey(id)) {
            view = create(shapes.get(id));
            items.put(id, view);
        }
        return view;
    }

    /** The view if it was built, else null; never builds one. */
    NodeView builtItem(String id) {
        return items.get(id);
    }

    /** Ids of every shown item, whether its view exists or not. */
    Set<String> itemIds() {
        return Collections.unmodifiableSet(shapes.keySet());
    }

    ItemShape shape(String id) {
        return shapes.get(id);
    }

    Collection<ItemShape> shapes() {
        return Collections.unmodifiableCollection(shapes.values());
    }

    /** The box around every shown item at its stored place, or null when none is shown. */
    Bounds contentBounds() {
        if (content == null && !shapes.isEmpty()) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (ItemShape s : shapes.values()) {
                minX = Math.min(minX, s.x());
                minY = Math.min(minY, s.y());
                maxX = Math.max(maxX, s.x() + s.width());
                maxY = Math.max(maxY, s.y() + s.height());
            }
            content = new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
        }
        return content;
    }

    /** Ids of the shown items whose boxes meet a rectangle in canvas units. */
    Set<String> itemsIn(double minX, double minY, double maxX, double maxY) {
        return itemGrid.query(minX, minY, maxX, maxY);
    }

    /** How many node views were built since the canvas opened (tests, benchmark). */
    int builtCount() {
        return built;
    }

    /** The view of a wire, built now if needed; null for an unknown id. */
    WireView wire(String id) {
        WireView view = wires.get(id);
        if (view == null && wiresById.containsKey(id)) {
            view = new WireView(wiresById.get(id));
            wires.put(id, view);
            route(view);
        }
        return view;
    }

    /** Ids of every wire in the document. */
    Set<String> wireIds() {
        return Collections.unmodifiableSet(wiresById.keySet());
    }

    /** The two ends of every shown wire near an area, at the items' stored positions, for the overview. */
    void forEachWireIn(Bounds area, java.util.function.BiConsumer<Point2D, Point2D> segment) {
        for (String id : wireGrid.query(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
            Point2D[] ends = ends(wiresById.get(id), false);
            if (ends != null) {
                segment.accept(ends[0], ends[1]);
            }
        }
    }

    // ---- patching ---------------------------------------------------------------------------

    void apply(DocumentChange change) {
        covered = null;
        content = null;
        if (change instanceof DocumentChange.NodeAdded a) {
            syncItem(a.node().id());
            if (a.node().group() != null) {
                syncItem(a.node().group());
            }
        } else if (change instanceof DocumentChange.NodeRemoved r) {
            syncItem(r.node().id());
            if (r.node().group() != null) {
                syncItem(r.node().group());
            }
            wiresByNode.remove(r.node().id());
        } else if (change instanceof DocumentChange.NodeChanged c) {
            nodeChanged(c.before(), c.after());
        } else if (change instanceof DocumentChange.WireAdded a) {
            register(a.wire());
            markConnected(a.wire());
        } else if (change instanceof DocumentChange.WireRemoved r) {
            wiresById.remove(r.wire().id());
            wireGrid.remove(r.wire().id());
            WireView v = wires.remove(r.wire().id());
            if (v != null && (attachedWires.remove(v) | wireReserve.remove(v))) {
                wireLayer.getChildren().remove(v);
            }
            unindex(r.wire());
            markConnected(r.wire());
        } else if (change instanceof DocumentChange.GroupChanged g) {
            groupChanged(g.before(), g.after());
        }
    }

    private void nodeChanged(Node before, Node after) {
        String id = after.id();
        if (!Objects.equals(before.group(), after.group())) {
            syncItem(id);
            if (before.group() != null) {
                syncItem(before.group());
            }
            if (after.group() != null) {
                syncItem(after.group());
            }
            rerouteNode(id);
            return;
        }
        ItemShape own = shapes.get(id);
        if (own != null) {
            NodeView view = items.get(id);
            if (!before.label().equals(after.label())) {
                own.retitle(after.label());
                if (view != null) {
                    view.patchTitle(after.label());
                }
            }
            if (!before.position().equals(after.position())) {
                own.moveTo(after.position().x(), after.position().y());
                file(own);
                if (view != null) {
                    view.patchPosition(after.position().x(), after.position().y());
                }
                rerouteNode(id);
            }
        } else if (after.group() != null && !before.position().equals(after.position())) {
            syncItem(after.group());
        }
    }

    private void groupChanged(Group before, Group after) {
        String id = before != null ? before.id() : after.id();
        syncItem(id);
        if (before != null && after != null && before.collapsed() == after.collapsed()) {
            return;
        }
        for (String member : CanvasItems.members(doc, id)) {
            syncItem(member);
            rerouteNode(member);
        }
    }

    /** Makes an item's record (and view, if built) exist, sit right, or go, as the document says now. */
    private void syncItem(String id) {
        boolean shown;
        if (doc.containsNode(id)) {
            shown = CanvasItems.ownerOf(doc, doc.requireNode(id)).equals(id);
        } else {
            shown = CanvasItems.isCollapsedGroup(doc, id) && !CanvasItems.members(doc, id).isEmpty();
        }
        ItemShape shape = shapes.get(id);
        if (!shown) {
            if (shape != null) {
                shapes.remove(id);
                itemGrid.remove(id);
                NodeView view = items.remove(id);
                if (view != null && (attachedItems.remove(view) | reserve.remove(view))) {
                    nodeLayer.getChildren().remove(view);
                }
            }
            return;
        }
        Position p = CanvasItems.position(doc, id);
        if (shape == null) {
            shape = newShape(id, p);
            shapes.put(id, shape);
            file(shape);
            return;
        }
        if (shape.x() != p.x() || shape.y() != p.y()) {
            shape.moveTo(p.x(), p.y());
            file(shape);
            NodeView view = items.get(id);
            if (view != null) {
                view.patchPosition(p.x(), p.y());
            }
            if (!doc.containsNode(id)) {
                CanvasItems.members(doc, id).forEach(this::rerouteNode);
            }
        }
    }

    private void file(ItemShape s) {
        itemGrid.put(s.id(), s.x(), s.y(), s.x() + s.width(), s.y() + s.height());
    }

    private ItemShape newShape(String id, Position p) {
        if (doc.containsNode(id)) {
            Node n = doc.requireNode(id);
            BlockType type = catalog.find(n.type()).orElse(null);
            List<PortSpec> ins = type == null ? List.of() : type.inputs();
            List<PortSpec> outs = type == null ? List.of() : type.outputs();
            return new ItemShape(id, n.label(), ins, outs, false, p.x(), p.y());
        }
        Group g = doc.group(id).orElseThrow();
        String title = g.label() + " (" + CanvasItems.members(doc, id).size() + ")";
        return new ItemShape(id, title, List.of(PortSpec.of("in", DType.ANY)), List.of(PortSpec.of("out", DType.ANY)),
                true, p.x(), p.y());
    }

    private NodeView create(ItemShape s) {
        built++;
        NodeView view = new NodeView(s.id(), s.id(), s.title(), s.inputs(), s.outputs(), s.group());
        // Built after a zoom settled, a view renders once at the scale it is shown at: nothing to sharpen.
        view.setCacheHint(zooming ? CacheHint.SCALE : CacheHint.DEFAULT);
        view.relocate(s.x(), s.y());
        view.annotate(canvas.nodeAnnotationsProperty().get().get(s.id()));
        view.setState(canvas.nodeStatesProperty().get().get(s.id()));
        view.setSelected(canvas.selection().contains(s.id()));
        if (!s.group()) {
            view.inputs().forEach((port, pv) -> {
                pv.setConnected(doc.wireInto(pv.ref()).isPresent());
                if (candidateCheck != null) {
                    pv.markCandidate(candidateCheck.apply(pv.ref()).orElse(null));
                }
            });
            Set<String> used = new HashSet<>();
            doc.outgoing(s.id()).forEach(w -> used.add(w.from().port()));
            view.outputs().forEach((port, pv) -> pv.setConnected(used.contains(port)));
        }
        return view;
    }

    /**
     * While a zoom gesture runs, views scale their cached bitmaps instead of rendering text at every
     * new scale; when it settles they render sharp again, once, a few per pass ({@link #sharpen}).
     */
    void setZooming(boolean value) {
        if (zooming == value) {
            return;
        }
        zooming = value;
        if (value) {
            blurred.clear();
            for (NodeView v : items.values()) {
                v.setCacheHint(CacheHint.SCALE);
            }
        } else {
            blurred.addAll(items.values());
        }
    }

    /**
     * Turns up to {@link #SHARPENS_PER_PASS} shown views sharp, and every view not shown (they cost
     * nothing until drawn); returns whether some are left for the next pass.
     */
    boolean sharpen() {
        int shown = 0;
        for (java.util.Iterator<NodeView> it = blurred.iterator(); it.hasNext();) {
            NodeView v = it.next();
            boolean drawn = nodeLayer.isVisible() && v.isVisible() && attachedItems.contains(v);
            if (drawn && shown++ >= SHARPENS_PER_PASS) {
                continue;
            }
            v.setCacheHint(CacheHint.DEFAULT);
            it.remove();
        }
        return !blurred.isEmpty();
    }

    /** Whether views still wait to be turned sharp after the last zoom (tests, benchmark). */
    boolean sharpening() {
        return !blurred.isEmpty();
    }

    /** Whether a zoom gesture runs (set until it settles). */
    boolean isZooming() {
        return zooming;
    }

    /** Marks, on built views and on views built until it is cleared, which inputs may take a wire. */
    void markCandidates(Function<PortRef, Optional<String>> check) {
        candidateCheck = check;
        for (NodeView v : items.values()) {
            for (PortView in : v.inputs().values()) {
                if (in.isConnectable()) {
                    in.markCandidate(check.apply(in.ref()).orElse(null));
                }
            }
        }
    }

    void clearCandidates() {
        candidateCheck = null;
        for (NodeView v : items.values()) {
            v.inputs().values().forEach(PortView::clearCandidate);
        }
    }

    // ---- wires ------------------------------------------------------------------------------

    private void register(Wire w) {
        wiresById.put(w.id(), w);
        wiresByNode.computeIfAbsent(w.from().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        wiresByNode.computeIfAbsent(w.to().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        fileWire(w);
        WireView v = wires.get(w.id());
        if (v != null) {
            route(v);
        }
    }

    private void unindex(Wire w) {
        for (String end : List.of(w.from().nodeId(), w.to().nodeId())) {
            Set<String> set = wiresByNode.get(end);
            if (set != null) {
                set.remove(w.id());
            }
        }
    }

    /** Files a wire under its box between its items' stored positions; a hidden wire is not filed. */
    private void fileWire(Wire w) {
        Point2D[] ends = ends(w, false);
        if (ends == null) {
            wireGrid.remove(w.id());
            return;
        }
        double bend = WireView.bend(ends[0], ends[1]);
        wireGrid.put(w.id(), Math.min(ends[0].getX(), ends[1].getX()) - bend,
                Math.min(ends[0].getY(), ends[1].getY()), Math.max(ends[0].getX(), ends[1].getX()) + bend,
                Math.max(ends[0].getY(), ends[1].getY()));
    }

    /** Re-files and re-routes the wires touching a node (after it or its group moved). */
    void rerouteNode(String nodeId) {
        Set<String> ids = wiresByNode.get(nodeId);
        if (ids != null) {
            for (String id : ids) {
                Wire w = wiresById.get(id);
                if (w != null) {
                    fileWire(w);
                    WireView v = wires.get(id);
                    if (v != null) {
                        route(v);
                    }
                }
            }
        }
    }

    /** Re-routes the built wires touching an item's nodes; used while dragging, when only views move. */
    void rerouteItem(String itemId) {
        List<String> nodes = doc.containsNode(itemId) ? List.of(itemId) : CanvasItems.members(doc, itemId);
        for (String node : nodes) {
            for (String id : wiresByNode.getOrDefault(node, Set.of())) {
                WireView v = wires.get(id);
                if (v != null) {
                    route(v);
                }
            }
        }
    }

    /** Draws a wire between the items its ends are shown in; hidden when both ends are in one item. */
    private void route(WireView v) {
        Point2D[] ends = ends(v.wire(), true);
        v.setRouted(ends != null);
        if (ends != null) {
            v.connect(ends[0], ends[1]);
        }
    }

    /**
     * Both anchors of a wire, or null when it is not shown; {@code live} reads built views'
     * positions (they run ahead of the document while dragging), else the stored ones.
     */
    private Point2D[] ends(Wire w, boolean live) {
        Node from = doc.node(w.from().nodeId()).orElse(null);
        Node to = doc.node(w.to().nodeId()).orElse(null);
        String a = from == null ? null : CanvasItems.ownerOf(doc, from);
        String b = to == null ? null : CanvasItems.ownerOf(doc, to);
        ItemShape sa = a == null ? null : shapes.get(a);
        ItemShape sb = b == null ? null : shapes.get(b);
        if (sa == null || sb == null || sa == sb) {
            return null;
        }
        return new Point2D[] {anchor(sa, w.from().port(), false, live), anchor(sb, w.to().port(), true, live)};
    }

    private Point2D anchor(ItemShape s, String port, boolean input, boolean live) {
        NodeView view = live ? items.get(s.id()) : null;
        if (view == null) {
            return s.anchor(port, input);
        }
        return ItemShape.anchorAt(view.getLayoutX(), view.getLayoutY(), input ? s.inputs() : s.outputs(), port, input);
    }

    private void markConnected(Wire w) {
        NodeView to = items.get(w.to().nodeId());
        if (to != null && to.inputs().get(w.to().port()) != null) {
            to.inputs().get(w.to().port()).setConnected(doc.wireInto(w.to()).isPresent());
        }
        NodeView from = items.get(w.from().nodeId());
        if (from != null && from.outputs().get(w.from().port()) != null) {
            boolean any = doc.outgoing(w.from().nodeId()).stream().anyMatch(x -> x.from().equals(w.from()));
            from.outputs().get(w.from().port()).setConnected(any);
        }
    }

    // ---- culling ----------------------------------------------------------------------------

    /**
     * Whether the attached views no longer cover {@code visible} (canvas units): pans inside the
     * margin culled last time need no work at all.
     */
    boolean needsCull(Bounds visible, boolean detailed) {
        return covered == null || coveredDetailed != detailed || detailed && !covered.contains(visible);
    }

    /**
     * Keeps in the scene only the views that meet {@code area} (canvas units), building the ones
     * missing, or shows none when the overview is drawn instead: the scene graph, CSS and rendering
     * then scale with what is on screen, not with the size of the graph. Work is proportional to
     * the items in the area, read from the grid. While views are in the scene, at most {@link
     * #BUILDS_PER_PASS} are built per call, so a zoom-out that uncovers many blocks spreads their
     * cost over a few frames; returns false when some were left for the next pass.
     */
    boolean cull(Bounds area, boolean detailed) {
        Set<NodeView> wantItems = new HashSet<>();
        Set<WireView> wantWires = new HashSet<>();
        boolean complete = true;
        if (detailed) {
            int builds = 0;
            int shows = 0;
            int budget = culledOnce ? BUILDS_PER_PASS : Integer.MAX_VALUE;
            for (String id : itemGrid.query(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
                NodeView view = items.get(id);
                if (view == null && builds >= budget) {
                    complete = false;
                    continue;
                }
                if (view != null && reserve.contains(view) && shows++ >= SHOWS_PER_PASS) {
                    complete = false;
                    continue;
                }
                if (view == null) {
                    builds++;
                    view = item(id);
                }
                wantItems.add(view);
            }
            for (String id : wireGrid.query(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
                WireView w = wire(id);
                if (w.routed()) {
                    wantWires.add(w);
                }
            }
        }
        // Under the overview the views of the last detailed pass stay in the scene, hidden: zooming
        // back in then shows them again instead of attaching and styling a screenful in one frame.
        nodeLayer.setVisible(detailed);
        wireLayer.setVisible(detailed);
        if (detailed) {
            syncItems(wantItems);
            syncWires(wantWires);
        }
        covered = complete ? area : null;
        coveredDetailed = detailed;
        culledOnce = true;
        lastCullComplete = complete;
        return complete;
    }

    /**
     * Makes the views shown in the node layer be {@code want}: a wanted view held in the reserve is
     * only shown, and a view no longer wanted that lies in the reserve's area is hidden into it
     * instead of leaving the scene (zooming in and out again then restyles nothing).
     */
    private void syncItems(Set<NodeView> want) {
        sync(nodeLayer, attachedItems, reserve, ViewPrebuilder.RESERVE_CAP, want, (v, hide) -> v.setVisible(!hide),
                v -> meets(v, keep));
    }

    /** Like {@link #syncItems} for the wire layer and its reserve. */
    private void syncWires(Set<WireView> want) {
        sync(wireLayer, attachedWires, wireReserve, ViewPrebuilder.WIRE_RESERVE_CAP, want, WireView::hold,
                w -> meets(w, keep));
    }

    private <T extends javafx.scene.Node> void sync(javafx.scene.Group layer, Set<T> attached, Set<T> held, int cap,
            Set<T> want, java.util.function.BiConsumer<T, Boolean> hold, java.util.function.Predicate<T> inKeep) {
        if (attached.equals(want)) {
            return;
        }
        Set<T> leaving = new HashSet<>();
        for (java.util.Iterator<T> it = attached.iterator(); it.hasNext();) {
            T n = it.next();
            if (!want.contains(n)) {
                it.remove();
                if (keep != null && held.size() < cap && inKeep.test(n)) {
                    hold.accept(n, true);
                    held.add(n);
                } else {
                    leaving.add(n);
                }
            }
        }
        if (!leaving.isEmpty()) {
            layer.getChildren().removeIf(leaving::contains);
        }
        List<T> added = new ArrayList<>();
        for (T n : want) {
            if (attached.add(n)) {
                if (held.remove(n)) {
                    hold.accept(n, false);
                } else {
                    added.add(n);
                }
            }
        }
        layer.getChildren().addAll(added);
        // Nodes attached during a layout pass would otherwise be drawn unstyled until the next
        // pulse's CSS pass (and a snapshot taken now would show them bare).
        added.forEach(javafx.scene.Node::applyCss);
    }

    private static boolean meets(WireView w, Bounds area) {
        return area.intersects(w.getBoundsInLocal());
    }

    private boolean meets(NodeView v, Bounds area) {
        ItemShape s = shapes.get(v.itemId());
        return s != null && area.intersects(s.x(), s.y(), s.width(), s.height());
    }

    // ---- building ahead of need -------------------------------------------------------------

    /**
     * Makes the reserve hold views for {@code area} only: hidden views outside it leave the scene.
     * Null empties the reserve.
     */
    void keepReserveIn(Bounds area) {
        keep = area;
        prune(nodeLayer, reserve, v -> area != null && meets(v, area));
        prune(wireLayer, wireReserve, w -> area != null && meets(w, area));
    }

    /** Takes out of the scene the held nodes that {@code stays} rejects. */
    private static <T extends javafx.scene.Node> void prune(javafx.scene.Group layer, Set<T> held,
            java.util.function.Predicate<T> stays) {
        Set<T> gone = new HashSet<>();
        for (T n : held) {
            if (!stays.test(n)) {
                gone.add(n);
            }
        }
        if (!gone.isEmpty()) {
            held.removeAll(gone);
            layer.getChildren().removeIf(gone::contains);
        }
    }

    /**
     * Builds an item's view if needed and puts it in the scene hidden, styled and laid out, so a
     * later pass only shows it; false when there was nothing to do (shown, held, or gone).
     */
    boolean prepare(String id) {
        if (!shapes.containsKey(id)) {
            return false;
        }
        NodeView view = item(id);
        if (attachedItems.contains(view) || reserve.contains(view)) {
            return false;
        }
        view.setVisible(false);
        reserve.add(view);
        nodeLayer.getChildren().add(view);
        view.applyCss();
        view.layout();
        return true;
    }

    /**
     * Like {@link #prepare} for a wire: builds it if needed and puts it in the scene held hidden and
     * styled; false when there was nothing to do (shown, held, gone or not drawn at all).
     */
    boolean prepareWire(String id) {
        WireView w = wire(id);
        if (w == null || !w.routed() || attachedWires.contains(w) || wireReserve.contains(w)) {
            return false;
        }
        w.hold(true);
        wireReserve.add(w);
        wireLayer.getChildren().add(w);
        w.applyCss();
        return true;
    }

    /** Whether a wire is shown or waits held in the scene: nothing left to prepare for it. */
    boolean isPreparedWire(String id) {
        WireView w = wires.get(id);
        return w != null && (attachedWires.contains(w) || wireReserve.contains(w));
    }

    /** Ids of the wires near a rectangle in canvas units. */
    Set<String> wiresIn(double minX, double minY, double maxX, double maxY) {
        return wireGrid.query(minX, minY, maxX, maxY);
    }

    /** Whether an item's view waits hidden in the scene (tests). */
    boolean isReserved(String id) {
        NodeView v = items.get(id);
        return v != null && reserve.contains(v);
    }

    /** Whether an item's view is shown or waits hidden in the scene: nothing left to prepare for it. */
    boolean isPrepared(String id) {
        NodeView v = items.get(id);
        return v != null && (reserve.contains(v) || attachedItems.contains(v));
    }

    int reserveSize() {
        return reserve.size();
    }

    int wireReserveSize() {
        return wireReserve.size();
    }

    /** Whether the last pass built every view its area needed (false while views are built over frames). */
    boolean cullComplete() {
        return lastCullComplete;
    }

    /** Whether a view is shown now: in the scene, and not hidden under the overview (tests, gestures). */
    boolean isAttached(NodeView view) {
        return nodeLayer.isVisible() && attachedItems.contains(view);
    }

    /** Forgets what was culled, so the next layout pass culls again. */
    void invalidateCull() {
        covered = null;
    }

    // ---- decorations ------------------------------------------------------------------------

    void selectionChanged(String id, boolean selected) {
        NodeView v = items.get(id);
        if (v != null) {
            v.setSelected(selected);
        }
    }

    void annotationsChanged(Map<String, NodeAnnotation> before, Map<String, NodeAnnotation> after) {
        for (NodeView v : items.values()) {
            NodeAnnotation a = after.get(v.itemId());
            if (!Objects.equals(before.get(v.itemId()), a)) {
                v.annotate(a);
            }
        }
    }

    void statesChanged(Map<String, String> after) {
        for (NodeView v : items.values()) {
            v.setState(after.get(v.itemId()));
        }
    }
}
