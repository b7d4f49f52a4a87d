package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.SpatialGrid;
import dev.tensorloom.canvas.view.WireView;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Wire;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * The wires of a document: a record and a grid entry each, filed under the box between the items
 * their ends are shown in, and a {@link WireView} built only when needed, routed between those items.
 */
final class WireRoutes {
    private final Document doc;
    private final ItemViews items;
    /** Dresses a wire view built just now (its problem mark). */
    private final Consumer<WireView> dress;
    /** Takes the view of a removed wire out of the scene. */
    private final Consumer<WireView> dropped;
    private final Map<String, Wire> byId = new LinkedHashMap<>();
    private final Map<String, WireView> views = new HashMap<>();
    private final Map<String, Set<String>> byNode = new HashMap<>();
    private final SpatialGrid grid = new SpatialGrid();

    WireRoutes(Document doc, ItemViews items, Consumer<WireView> dress, Consumer<WireView> dropped) {
        this.doc = doc;
        this.items = items;
        this.dress = dress;
        this.dropped = dropped;
    }

    /** The view of a wire, built now if needed; null for an unknown id. */
    WireView wire(String id) {
        WireView view = views.get(id);
        if (view == null && byId.containsKey(id)) {
            view = new WireView(byId.get(id));
            views.put(id, view);
            dress.accept(view);
            route(view);
        }
        return view;
    }

    /** The view if it was built, else null; never builds one. */
    WireView built(String id) {
        return views.get(id);
    }

    /** The wire views built so far (a live, read-only collection). */
    java.util.Collection<WireView> builtViews() {
        return Collections.unmodifiableCollection(views.values());
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    Set<String> in(double minX, double minY, double maxX, double maxY) {
        return grid.query(minX, minY, maxX, maxY);
    }

    /** The two ends of every shown wire near an area, at the items' stored positions. */
    void forEachIn(Bounds area, BiConsumer<Point2D, Point2D> segment) {
        for (String id : grid.query(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
            Point2D[] ends = ends(byId.get(id), false);
            if (ends != null) {
                segment.accept(ends[0], ends[1]);
            }
        }
    }

    /** The two ends of a shown wire at its items' stored positions, as the overview draws it; null if not shown. */
    Point2D[] segment(String id) {
        Wire w = byId.get(id);
        return w == null ? null : ends(w, false);
    }

    void add(Wire w) {
        byId.put(w.id(), w);
        byNode.computeIfAbsent(w.from().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        byNode.computeIfAbsent(w.to().nodeId(), k -> new LinkedHashSet<>()).add(w.id());
        file(w);
        WireView v = views.get(w.id());
        if (v != null) {
            route(v);
        }
    }

    void remove(Wire w) {
        byId.remove(w.id());
        grid.remove(w.id());
        WireView v = views.remove(w.id());
        if (v != null) {
            dropped.accept(v);
        }
        for (String end : List.of(w.from().nodeId(), w.to().nodeId())) {
            Set<String> set = byNode.get(end);
            if (set != null) {
                set.remove(w.id());
            }
        }
    }

    /** Forgets every wire and drops every built wire view (the shown level changed). */
    void clear() {
        for (WireView v : views.values()) {
            dropped.accept(v);
        }
        views.clear();
        byId.clear();
        byNode.clear();
        grid.clear();
    }

    /** The wires touching a node, by id. */
    Set<String> touching(String nodeId) {
        return byNode.getOrDefault(nodeId, Set.of());
    }

    /** A node left the document: it has no wires left to index. */
    void forgetNode(String nodeId) {
        byNode.remove(nodeId);
    }

    /** Re-files and re-routes the wires touching a node (after it or its group moved). */
    void rerouteNode(String nodeId) {
        Set<String> ids = byNode.get(nodeId);
        if (ids != null) {
            for (String id : ids) {
                Wire w = byId.get(id);
                if (w != null) {
                    file(w);
                    WireView v = views.get(id);
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
            for (String id : byNode.getOrDefault(node, Set.of())) {
                WireView v = views.get(id);
                if (v != null) {
                    route(v);
                }
            }
        }
    }

    /** Files a wire under its box between its items' stored positions; a hidden wire is not filed. */
    private void file(Wire w) {
        Point2D[] ends = ends(w, false);
        if (ends == null) {
            grid.remove(w.id());
            return;
        }
        double bend = WireView.bend(ends[0], ends[1]);
        grid.put(w.id(), Math.min(ends[0].getX(), ends[1].getX()) - bend,
                Math.min(ends[0].getY(), ends[1].getY()), Math.max(ends[0].getX(), ends[1].getX()) + bend,
                Math.max(ends[0].getY(), ends[1].getY()));
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
        String a = from == null ? null : CanvasItems.ownerOf(doc, from, items.scope());
        String b = to == null ? null : CanvasItems.ownerOf(doc, to, items.scope());
        ItemShape sa = a == null ? null : items.shape(a);
        ItemShape sb = b == null ? null : items.shape(b);
        if (sa == null || sb == null || sa == sb) {
            return null;
        }
        return new Point2D[] {anchor(sa, sa.portFor(w, false), false, live), anchor(sb, sb.portFor(w, true), true, live)};
    }

    private Point2D anchor(ItemShape s, String port, boolean input, boolean live) {
        NodeView view = live ? items.built(s.id()) : null;
        if (view == null) {
            return s.anchor(port, input);
        }
        return ItemShape.anchorAt(view.getLayoutX(), view.getLayoutY(), input ? s.inputs() : s.outputs(), port, input);
    }

    /** Marks both ends of a wire connected or not, on their built views, as the document says now. */
    void markConnected(Wire w) {
        NodeView to = items.built(w.to().nodeId());
        if (to != null && to.inputs().get(w.to().port()) != null) {
            to.inputs().get(w.to().port()).setConnected(doc.wireInto(w.to()).isPresent());
        }
        NodeView from = items.built(w.from().nodeId());
        if (from != null && from.outputs().get(w.from().port()) != null) {
            boolean any = doc.outgoing(w.from().nodeId()).stream().anyMatch(x -> x.from().equals(w.from()));
            from.outputs().get(w.from().port()).setConnected(any);
        }
    }
}
