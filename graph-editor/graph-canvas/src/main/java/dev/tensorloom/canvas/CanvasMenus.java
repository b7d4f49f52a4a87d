package dev.tensorloom.canvas;

import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.PortView;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * The canvas's right-click menus, by what is under the pointer: a port (disconnect its wires), a block
 * (open, delete, group, ungroup), a wire (delete it, select the block at either end) or the empty canvas (select all, auto-layout, zoom to fit, close the open
 * group). Each item runs the same canvas method as the Edit and View menus, so it is one undoable command.
 */
final class CanvasMenus {
    private final GraphCanvas canvas;
    private ContextMenu showing;

    CanvasMenus(GraphCanvas canvas) {
        this.canvas = canvas;
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::requested);
    }

    private void requested(ContextMenuEvent e) {
        if (showing != null) {
            showing.hide();
        }
        showing = new ContextMenu();
        showing.getItems().setAll(itemsFor(e.getTarget(), canvas.sceneToLocal(e.getSceneX(), e.getSceneY())));
        showing.show(canvas, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    /** The menu's items for whatever was right-clicked, with no wire under the pointer. */
    List<MenuItem> itemsFor(Object target) {
        return itemsFor(target, null);
    }

    /**
     * The menu's items for whatever was right-clicked at {@code local} (the canvas control's coordinates; null
     * when unknown); a block or wire not yet selected becomes the selection.
     */
    List<MenuItem> itemsFor(Object target, Point2D local) {
        PortView port = CanvasGestures.ancestor(target, PortView.class);
        if (port != null) {
            return forPort(port.ref(), port.isInput());
        }
        NodeView item = CanvasGestures.ancestor(target, NodeView.class);
        if (item != null) {
            if (!canvas.selection().contains(item.itemId())) {
                canvas.select(Set.of(item.itemId()));
            }
            return forItem(item.itemId());
        }
        String wire = local != null && canvas.getSkin() instanceof GraphCanvasSkin skin
                ? skin.wirePicker().wireAt(local) : null;
        if (wire != null) {
            canvas.selectionState().selectWire(wire);
            return forWire(canvas.document().wire(wire).orElseThrow());
        }
        return forCanvas();
    }

    private List<MenuItem> forPort(PortRef port, boolean input) {
        long wires = canvas.document().wires().stream()
                .filter(w -> input ? w.to().equals(port) : w.from().equals(port)).count();
        MenuItem disconnect = item(wires > 1 ? "Disconnect " + wires + " wires" : "Disconnect",
                () -> canvas.editing().disconnect(port, input));
        disconnect.setId("canvas-menu-disconnect");
        disconnect.setDisable(wires == 0);
        return List.of(disconnect);
    }

    /** Delete the wire, or reveal and select the block at either end (opening the level that shows it). */
    private List<MenuItem> forWire(Wire wire) {
        MenuItem delete = item("Delete wire", canvas::deleteSelection);
        delete.setId("canvas-menu-delete-wire");
        MenuItem source = item("Select source: " + label(wire.from().nodeId()), () -> canvas.reveal(wire.from().nodeId()));
        source.setId("canvas-menu-wire-source");
        MenuItem target = item("Select target: " + label(wire.to().nodeId()), () -> canvas.reveal(wire.to().nodeId()));
        target.setId("canvas-menu-wire-target");
        return List.of(delete, new SeparatorMenuItem(), source, target);
    }

    private String label(String nodeId) {
        return canvas.document().node(nodeId).map(dev.tensorloom.model.doc.Node::label).orElse(nodeId);
    }

    private List<MenuItem> forItem(String id) {
        boolean group = CanvasItems.isCollapsedGroup(canvas.document(), id);
        MenuItem open = item("Open block", () -> canvas.openGroup(id));
        open.setVisible(group);
        MenuItem delete = item("Delete", canvas::deleteSelection);
        delete.setId("canvas-menu-delete");
        MenuItem groupItem = item("Group", canvas::groupSelection);
        MenuItem ungroup = item("Ungroup", canvas::ungroupSelection);
        ungroup.setDisable(!group && canvas.document().node(id).map(n -> n.group() == null).orElse(true));
        return List.of(open, delete, new SeparatorMenuItem(), groupItem, ungroup);
    }

    private List<MenuItem> forCanvas() {
        MenuItem close = item("Close block", canvas::closeGroup);
        close.setVisible(canvas.getScope() != null);
        return List.of(close, item("Select all", canvas::selectAll), item("Auto-layout", canvas::autoLayout),
                item("Zoom to fit", canvas::zoomToFit));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
