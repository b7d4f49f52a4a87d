package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the recorded items and wires in step with the document: a change touches the items it names
 * and their wires, and the collapsed groups whose ports it may have changed. Anchor: tesis graph-editor's
 * {@code ModelMemory}.
 */
final class DocumentPatcher {
    private final Document doc;
    private final ItemViews items;
    private final WireRoutes wires;

    DocumentPatcher(Document doc, ItemViews items, WireRoutes wires) {
        this.doc = doc;
        this.items = items;
        this.wires = wires;
    }

    /** Records every item of the level shown and every wire; builds no view. */
    void recordAll() {
        for (String id : CanvasItems.visibleIds(doc, items.scope())) {
            items.sync(id);
        }
        for (Wire w : doc.wires()) {
            wires.add(w);
        }
    }

    void apply(DocumentChange change) {
        items.invalidateContent();
        if (change instanceof DocumentChange.NodeAdded a) {
            items.sync(a.node().id());
            rebuildGroupsAround(a.node());
        } else if (change instanceof DocumentChange.NodeRemoved r) {
            items.sync(r.node().id());
            wires.forgetNode(r.node().id());
            if (r.node().group() != null) {
                // The node is gone, so its chain of groups is read from its old group on.
                resyncAll();
            }
        } else if (change instanceof DocumentChange.NodeChanged c) {
            nodeChanged(c.before(), c.after());
        } else if (change instanceof DocumentChange.WireAdded a) {
            wires.add(a.wire());
            wires.markConnected(a.wire());
            rebuildGroupsAt(a.wire());
        } else if (change instanceof DocumentChange.WireRemoved r) {
            wires.remove(r.wire());
            wires.markConnected(r.wire());
            rebuildGroupsAt(r.wire());
        } else if (change instanceof DocumentChange.GroupChanged) {
            resyncAll();
        }
    }

    private void nodeChanged(Node before, Node after) {
        String id = after.id();
        if (!Objects.equals(before.group(), after.group())) {
            resyncAll();
            return;
        }
        if (items.shape(id) != null) {
            if (items.patch(before, after)) {
                wires.rerouteNode(id);
            }
        } else if (!before.position().equals(after.position())) {
            String owner = CanvasItems.ownerOf(doc, after, items.scope());
            if (owner != null && !owner.equals(id)) {
                items.sync(owner);
            }
        }
    }

    /** A node joined groups: the collapsed groups that show it count it and may gain ports. */
    private void rebuildGroupsAround(Node node) {
        String owner = CanvasItems.ownerOf(doc, node, items.scope());
        if (owner != null && !owner.equals(node.id())) {
            items.rebuild(owner);
            CanvasItems.members(doc, owner).forEach(wires::rerouteNode);
        }
    }

    /** A wire came or went: a collapsed group at either end may have gained or lost a port. */
    private void rebuildGroupsAt(Wire w) {
        for (String end : List.of(w.from().nodeId(), w.to().nodeId())) {
            doc.node(end).ifPresent(this::rebuildGroupsAround);
        }
    }

    /**
     * Groups were made, dissolved, nested, opened or closed: every item is synced again (a group's ports and
     * members may all have changed) and every wire re-routed. Rare next to other edits, so done whole.
     */
    private void resyncAll() {
        Set<String> want = CanvasItems.visibleIds(doc, items.scope());
        for (String id : List.copyOf(items.ids())) {
            if (!want.contains(id)) {
                items.sync(id);
            }
        }
        for (String id : want) {
            if (doc.containsNode(id)) {
                items.sync(id);
            } else {
                items.rebuild(id);
            }
        }
        wires.clear();
        for (Wire w : doc.wires()) {
            wires.add(w);
        }
    }
}
