package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.shape.DType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.geometry.Bounds;

/**
 * The views of one document: an item view per shown node or collapsed group, a wire view per wire.
 * Built once, then patched per {@link DocumentChange}: a change touches the views it names and
 * the wires attached to them, nothing else. Anchor: tesis graph-editor's {@code ModelMemory}.
 */
final class GraphViews {
    final javafx.scene.Group wireLayer = new javafx.scene.Group();
    final javafx.scene.Group nodeLayer = new javafx.scene.Group();

    private final GraphCanvas canvas;
    private final Document doc;
    private final BlockCatalog catalog;
    private final Map<String, NodeView> items = new HashMap<>();
    private final Map<String, WireView> wires = new HashMap<>();
    private final Map<String, Set<String>> wiresByNode = new HashMap<>();
    private final Set<NodeView> attachedItems = new HashSet<>();
    private final Set<WireView> attachedWires = new HashSet<>();

    GraphViews(GraphCanvas canvas) {
        this.canvas = canvas;
        this.doc = canvas.document();
        this.catalog = canvas.catalog();
        // Views are sized by hand; letting the groups autosize them would lay them all out again.
        wireLayer.setAutoSizeChildren(false);
        nodeLayer.setAutoSizeChildren(false);
        wireLayer.setMouseTransparent(true);
    }

    void buildAll() {
        List<NodeView> views = new ArrayList<>();
        for (String id : CanvasItems.visibleIds(doc)) {
            NodeView v = create(id);
            items.put(id, v);
            views.add(v);
        }
        List<WireView> wireViews = new ArrayList<>();
        for (Wire w : doc.wires()) {
            wireViews.add(register(w));
        }
        wireViews.forEach(this::route);
        for (Wire w : doc.wires()) {
            markConnected(w);
        }
    }

    NodeView item(String id) {
        return items.get(id);
    }

    Collection<NodeView> itemViews() {
        return items.values();
    }

    WireView wire(String id) {
        return wires.get(id);
    }

    Collection<WireView> wireViews() {
        return wires.values();
    }

    // ---- patching ---------------------------------------------------------------------------

    void apply(DocumentChange change) {
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
            WireView v = register(a.wire());
            route(v);
            markConnected(a.wire());
        } else if (change instanceof DocumentChange.WireRemoved r) {
            WireView v = wires.remove(r.wire().id());
            if (attachedWires.remove(v)) {
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
        NodeView own = items.get(id);
        if (own != null) {
            if (!before.label().equals(after.label())) {
                own.patchTitle(after.label());
            }
            if (!before.position().equals(after.position())) {
                own.patchPosition(after.position().x(), after.position().y());
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

    /** Makes an item's view exist, sit right, or go, depending on what the document says now. */
    private void syncItem(String id) {
        boolean shown;
        if (doc.containsNode(id)) {
            shown = CanvasItems.ownerOf(doc, doc.requireNode(id)).equals(id);
        } else {
            shown = CanvasItems.isCollapsedGroup(doc, id) && !CanvasItems.members(doc, id).isEmpty();
        }
        NodeView view = items.get(id);
        if (!shown) {
            if (view != null) {
                items.remove(id);
                if (attachedItems.remove(view)) {
                    nodeLayer.getChildren().remove(view);
                }
            }
            return;
        }
        if (view == null) {
            items.put(id, create(id));
            return;
        }
        Position p = CanvasItems.position(doc, id);
        if (view.getLayoutX() != p.x() || view.getLayoutY() != p.y()) {
            view.patchPosition(p.x(), p.y());
            if (!doc.containsNode(id)) {
                CanvasItems.members(doc, id).forEach(this::rerouteNode);
            }
        }
    }

    private NodeView create(String id) {
        NodeView view;
        if (doc.containsNode(id)) {
            Node n = doc.requireNode(id);
            BlockType type = catalog.find(n.type()).orElse(null);
            List<PortSpec> ins = type == null ? List.of() : type.inputs();
            List<PortSpec> outs = type == null ? List.of() : type.outputs();
            view = new NodeView(id, id, n.label(), ins, outs, false);
        } else {
            Group g = doc.group(id).orElseThrow();
            String title = g.label() + " (" + CanvasItems.members(doc, id).size() + ")";
            view = new NodeView(id, id, title, List.of(PortSpec.of("in", DType.ANY)),
                    List.of(PortSpec.of("out", DType.ANY)), true);
        }
        Position p = CanvasItems.position(doc, id);
        view.relocate(p.x(), p.y());
        view.annotate(canvas.nodeAnnotationsProperty().get().get(id));
        view.setState(canvas.nodeStatesProperty().get().get(id));
        view.setSelected(canvas.selection().contains(id));
        return view;
    }

    // ---- wires ------------------------------------------------------------------------------

    private WireView register(Wire w) {
        WireView v = new WireView(w);
        wires.put(w.id(), v);
        wiresByNode.computeIfAbsent(w.from().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        wiresByNode.computeIfAbsent(w.to().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        return v;
    }

    private void unindex(Wire w) {
        for (String end : List.of(w.from().nodeId(), w.to().nodeId())) {
            Set<String> set = wiresByNode.get(end);
            if (set != null) {
                set.remove(w.id());
            }
        }
    }

    /** Re-routes the wires touching a node (after it or its group moved). */
    void rerouteNode(String nodeId) {
        Set<String> ids = wiresByNode.get(nodeId);
        if (ids != null) {
            for (String w : ids) {
                route(wires.get(w));
            }
        }
    }

    /** Re-routes every wire touching an item's nodes; used while dragging, when only views move. */
    void rerouteItem(String itemId) {
        if (doc.containsNode(itemId)) {
            rerouteNode(itemId);
        } else {
            CanvasItems.members(doc, itemId).forEach(this::rerouteNode);
        }
    }

    /** Draws a wire between the views its ends are shown in; hidden when both ends are in one collapsed group. */
    private void route(WireView v) {
        Wire w = v.wire();
        Node from = doc.node(w.from().nodeId()).orElse(null);
        Node to = doc.node(w.to().nodeId()).orElse(null);
        NodeView a = from == null ? null : items.get(CanvasItems.ownerOf(doc, from));
        NodeView b = to == null ? null : items.get(CanvasItems.ownerOf(doc, to));
        boolean shown = a != null && b != null && a != b;
        v.setVisible(shown);
        if (shown) {
            v.connect(a.anchor(w.from().port(), false), b.anchor(w.to().port(), true));
        }
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
     * Keeps in the scene only the views that meet {@code visible} (canvas units), or none when the
     * overview is drawn instead: the scene graph, CSS and rendering then scale with what is on
     * screen, not with the size of the graph. Views stay built, so gestures and geometry still work.
     */
    void cull(Bounds visible, boolean detailed) {
        Set<NodeView> wantItems = new HashSet<>();
        Set<WireView> wantWires = new HashSet<>();
        if (detailed) {
            for (NodeView v : items.values()) {
                if (meets(visible, v.getLayoutX(), v.getLayoutY(), v.getLayoutX() + v.getWidth(),
                        v.getLayoutY() + v.getHeight())) {
                    wantItems.add(v);
                }
            }
            for (WireView w : wires.values()) {
                double bend = Math.abs(w.getControlX1() - w.getStartX());
                if (w.isVisible() && meets(visible, Math.min(w.getStartX(), w.getEndX()) - bend,
                        Math.min(w.getStartY(), w.getEndY()), Math.max(w.getStartX(), w.getEndX()) + bend,
                        Math.max(w.getStartY(), w.getEndY()))) {
                    wantWires.add(w);
                }
            }
        }
        sync(nodeLayer, attachedItems, wantItems);
        sync(wireLayer, attachedWires, wantWires);
    }

    private static boolean meets(Bounds r, double minX, double minY, double maxX, double maxY) {
        return maxX >= r.getMinX() && minX <= r.getMaxX() && maxY >= r.getMinY() && minY <= r.getMaxY();
    }

    private static <T extends javafx.scene.Node> void sync(javafx.scene.Group layer, Set<T> attached, Set<T> want) {
        if (attached.equals(want)) {
            return;
        }
        layer.getChildren().removeIf(n -> !want.contains(n));
        attached.retainAll(want);
        List<T> added = new ArrayList<>();
        for (T n : want) {
            if (attached.add(n)) {
                added.add(n);
            }
        }
        layer.getChildren().addAll(added);
    }

    /** Whether a view is in the scene now (tests, gestures). */
    boolean isAttached(NodeView view) {
        return attachedItems.contains(view);
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
