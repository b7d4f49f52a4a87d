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
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.shape.DType;
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
            shown = CanvasItems.ownerOf(doc, doc.requireNode(id)).equals(id);
        } else {
            shown = CanvasItems.isCollapsedGroup(doc, id) && !CanvasItems.members(doc, id).isEmpty();
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
        return new ItemShape(id, title, List.of(PortSpec.of("in", DType.ANY)), List.of(PortSpec.of("out", DType.ANY)),
                true, p.x(), p.y());
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
