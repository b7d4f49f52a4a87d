package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.SpatialGrid;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.composite.GroupPorts;
import dev.tensorloom.model.shape.DType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * The shown items of a document (nodes and collapsed groups): an {@link ItemShape} per item filed in
 * a {@link SpatialGrid}, and its {@link NodeView} built only when someone asks for it.
 */
final class ItemViews {
    private final Document doc;
    private final BlockCatalog catalog;
    /** Dresses a freshly built view as the canvas shows it now (selection, annotations, candidates). */
    private final Consumer<NodeView> decorate;
    /** Takes the view of an item that is no longer shown out of the scene. */
    private final Consumer<NodeView> dropped;
    /** Re-routes the wires of a node whose collapsed group moved. */
    private final Consumer<String> groupMemberMoved;
    private final Map<String, ItemShape> shapes = new LinkedHashMap<>();
    private final Map<String, NodeView> views = new HashMap<>();
    private final SpatialGrid grid = new SpatialGrid();
    private Bounds content;
    private int built;
    /** The level of the group nesting shown: null for the top level, else the opened group. */
    private String scope;

    ItemViews(Document doc, BlockCatalog catalog, Consumer<NodeView> decorate, Consumer<NodeView> dropped,
            Consumer<String> groupMemberMoved) {
        this.doc = doc;
        this.catalog = catalog;
        this.decorate = decorate;
        this.dropped = dropped;
        this.groupMemberMoved = groupMemberMoved;
    }

    /** The view of a shown item, built now if it did not exist; null when the item is not shown. */
    NodeView item(String id) {
        NodeView view = views.get(id);
        if (view == null && shapes.containsKey(id)) {
            view = create(shapes.get(id));
            views.put(id, view);
        }
        return view;
    }

    NodeView built(String id) {
        return views.get(id);
    }

    String scope() {
        return scope;
    }

    /** Shows another level of the nesting: forgets every item (views go), the caller syncs the new ones. */
    void rescope(String newScope) {
        scope = newScope;
        for (NodeView v : views.values()) {
            dropped.accept(v);
        }
        views.clear();
        shapes.clear();
        grid.clear();
        content = null;
    }

    /** Makes an item again from scratch (a collapsed group whose ports changed). */
    void rebuild(String id) {
        ItemShape shape = shapes.remove(id);
        if (shape != null) {
            grid.remove(id);
            NodeView view = views.remove(id);
            if (view != null) {
                dropped.accept(view);
            }
        }
        sync(id);
    }

    Collection<NodeView> builtViews() {
        return views.values();
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(shapes.keySet());
    }

    ItemShape shape(String id) {
        return shapes.get(id);
    }

    Collection<ItemShape> shapes() {
        return Collections.unmodifiableCollection(shapes.values());
    }

    int builtCount() {
        return built;
    }

    Set<String> in(double minX, double minY, double maxX, double maxY) {
        return grid.query(minX, minY, maxX, maxY);
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
            content = new BoundingBox(minX, minY, maxX - minX, maxY - minY);
        }
        return content;
    }

    /** The document changed: the content box is worked out again when next asked. */
    void invalidateContent() {
        content = null;
    }

    /** Makes an item's record (and view, if built) exist, sit right, or go, as the document says now. */
    void sync(String id) {
        boolean shown;
        if (doc.containsNode(id)) {
            shown = id.equals(CanvasItems.ownerOf(doc, doc.requireNode(id), scope));
        } else {
            shown = CanvasItems.isShownGroup(doc, id, scope);
        }
        ItemShape shape = shapes.get(id);
        if (!shown) {
            if (shape != null) {
                shapes.remove(id);
                grid.remove(id);
                NodeView view = views.remove(id);
                if (view != null) {
                    dropped.accept(view);
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
            NodeView view = views.get(id);
            if (view != null) {
                view.patchPosition(p.x(), p.y());
            }
            if (!doc.containsNode(id)) {
                CanvasItems.members(doc, id).forEach(groupMemberMoved);
            }
        }
    }

    /** A node's own item changed title or place; returns whether it moved. */
    boolean patch(Node before, Node after) {
        ItemShape own = shapes.get(after.id());
        NodeView view = views.get(after.id());
        if (!before.label().equals(after.label())) {
            own.retitle(after.label());
            if (view != null) {
                view.patchTitle(after.label());
            }
        }
        if (before.position().equals(after.position())) {
            return false;
        }
        own.moveTo(after.position().x(), after.position().y());
        file(own);
        if (view != null) {
            view.patchPosition(after.position().x(), after.position().y());
        }
        return true;
    }

    private void file(ItemShape s) {
        grid.put(s.id(), s.x(), s.y(), s.x() + s.width(), s.y() + s.height());
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
        GroupPorts ports = GroupPorts.of(doc, id);
        List<PortSpec> ins = new ArrayList<>();
        ports.inputs().forEach((source, name) -> ins.add(PortSpec.of(name, dtype(ports.firstFed().get(source), true))));
        List<PortSpec> outs = new ArrayList<>();
        ports.outputs().forEach((inner, name) -> outs.add(PortSpec.of(name, dtype(inner, false))));
        return new ItemShape(id, title, ins, outs, true, ports.inputs(), ports.outputs(), p.x(), p.y());
    }

    /** The dtype of an inner port, from the catalog; any when its block type is unknown. */
    private DType dtype(PortRef ref, boolean input) {
        return doc.node(ref.nodeId()).flatMap(n -> catalog.find(n.type()))
                .flatMap(t -> (input ? t.inputs() : t.outputs()).stream().filter(p -> p.name().equals(ref.port()))
                        .findFirst())
                .map(PortSpec::dtype).orElse(DType.ANY);
    }

    private NodeView create(ItemShape s) {
        built++;
        NodeView view = new NodeView(s.id(), s.id(), s.title(), s.inputs(), s.outputs(), s.group());
        view.relocate(s.x(), s.y());
        if (!s.group()) {
            view.inputs().forEach((port, pv) -> pv.setConnected(doc.wireInto(pv.ref()).isPresent()));
            Set<String> used = new HashSet<>();
            doc.outgoing(s.id()).forEach(w -> used.add(w.from().port()));
            view.outputs().forEach((port, pv) -> pv.setConnected(used.contains(port)));
        }
        decorate.accept(view);
        return view;
    }
}
