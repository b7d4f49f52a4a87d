package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.canvas.view.WireView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * Which views are in the scene: the ones that meet the visible area (culling), and a reserve of views
 * built ahead, held hidden in the scene, styled and laid out, so a zoom-out only shows them.
 */
final class SceneCuller {
    final Group wireLayer = new Group();
    final Group nodeLayer = new Group();

    private final ItemViews items;
    private final WireRoutes wires;
    private final Set<NodeView> attachedItems = new HashSet<>();
    private final Set<WireView> attachedWires = new HashSet<>();
    /**
     * Built views kept in the scene hidden, styled and laid out, ready for a zoom-out: a pass that
     * wants one only shows it. Filled in idle frames by the canvas's prebuilder, only inside {@link #keep}.
     */
    private final Set<NodeView> reserve = new HashSet<>();
    /** Wires built ahead like {@link #reserve}: in the scene, styled, held hidden until a pass wants them. */
    private final Set<WireView> wireReserve = new HashSet<>();
    /** The area whose views the reserve holds (canvas units), or null when it holds none. */
    private Bounds keep;
    /** The area the attached views cover (canvas units), or null when the next pass must cull. */
    private Bounds covered;
    private boolean coveredDetailed;
    /** Whether a pass ran yet: the first one builds without a budget, so an opened canvas shows whole. */
    private boolean culledOnce;
    private boolean lastCullComplete = true;

    SceneCuller(ItemViews items, WireRoutes wires) {
        this.items = items;
        this.wires = wires;
        // Views are sized by hand; letting the groups autosize them would lay them all out again.
        wireLayer.setAutoSizeChildren(false);
        nodeLayer.setAutoSizeChildren(false);
        wireLayer.setMouseTransparent(true);
    }

    /** Whether the attached views no longer cover {@code visible} (canvas units). */
    boolean needsCull(Bounds visible, boolean detailed) {
        return covered == null || coveredDetailed != detailed || detailed && !covered.contains(visible);
    }

    /** Forgets what was culled, so the next layout pass culls again. */
    void invalidate() {
        covered = null;
    }

    /** See {@link GraphViews#cull}. */
    boolean cull(Bounds area, boolean detailed) {
        Set<NodeView> wantItems = new HashSet<>();
        Set<WireView> wantWires = new HashSet<>();
        boolean complete = true;
        if (detailed) {
            int builds = 0;
            int shows = 0;
            int budget = culledOnce ? FrameBudget.BUILDS_PER_PASS : Integer.MAX_VALUE;
            for (String id : items.in(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
                NodeView view = items.built(id);
                if (view == null && builds >= budget) {
                    complete = false;
                    continue;
                }
                if (view != null && reserve.contains(view) && shows++ >= FrameBudget.SHOWS_PER_PASS) {
                    complete = false;
                    continue;
                }
                if (view == null) {
                    builds++;
                    view = items.item(id);
                }
                wantItems.add(view);
            }
            for (String id : wires.in(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
                WireView w = wires.wire(id);
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
            sync(nodeLayer, attachedItems, reserve, FrameBudget.RESERVE_CAP, wantItems, (v, hide) -> v.setVisible(!hide),
                    v -> meets(v, keep));
            sync(wireLayer, attachedWires, wireReserve, FrameBudget.WIRE_RESERVE_CAP, wantWires, WireView::hold,
                    w -> meets(w, keep));
        }
        covered = complete ? area : null;
        coveredDetailed = detailed;
        culledOnce = true;
        lastCullComplete = complete;
        return complete;
    }

    /**
     * Makes the views shown in a layer be {@code want}: a wanted view held in the reserve is only
     * shown, and a view no longer wanted that lies in the reserve's area is hidden into it instead of
     * leaving the scene (zooming in and out again then restyles nothing).
     */
    private <T extends Node> void sync(Group layer, Set<T> attached, Set<T> held, int cap, Set<T> want,
            BiConsumer<T, Boolean> hold, Predicate<T> inKeep) {
        if (attached.equals(want)) {
            return;
        }
        Set<T> leaving = new HashSet<>();
        for (Iterator<T> it = attached.iterator(); it.hasNext();) {
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
                    // A view pruned from the reserve comes back still hidden: show it.
                    hold.accept(n, false);
                    added.add(n);
                }
            }
        }
        layer.getChildren().addAll(added);
        // Nodes attached during a layout pass would otherwise be drawn unstyled until the next
        // pulse's CSS pass (and a snapshot taken now would show them bare).
        added.forEach(Node::applyCss);
    }

    private static boolean meets(WireView w, Bounds area) {
        return area.intersects(w.getBoundsInLocal());
    }

    private boolean meets(NodeView v, Bounds area) {
        ItemShape s = items.shape(v.itemId());
        return s != null && area.intersects(s.x(), s.y(), s.width(), s.height());
    }

    /** Takes an item's view out of the scene (the item is no longer shown). */
    void drop(NodeView view) {
        if (attachedItems.remove(view) | reserve.remove(view)) {
            nodeLayer.getChildren().remove(view);
        }
    }

    /** Takes a wire's view out of the scene (the wire is gone). */
    void drop(WireView view) {
        if (attachedWires.remove(view) | wireReserve.remove(view)) {
            wireLayer.getChildren().remove(view);
        }
    }

    /** See {@link GraphViews#keepReserveIn}. */
    void keepReserveIn(Bounds area) {
        keep = area;
        prune(nodeLayer, reserve, v -> area != null && meets(v, area));
        prune(wireLayer, wireReserve, w -> area != null && meets(w, area));
    }

    /** Takes out of the scene the held nodes that {@code stays} rejects. */
    private static <T extends Node> void prune(Group layer, Set<T> held, Predicate<T> stays) {
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

    /** See {@link GraphViews#prepare}. */
    boolean prepare(String id) {
        if (items.shape(id) == null) {
            return false;
        }
        NodeView view = items.item(id);
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

    /** See {@link GraphViews#prepareWire}. */
    boolean prepareWire(String id) {
        WireView w = wires.wire(id);
        if (w == null || !w.routed() || attachedWires.contains(w) || wireReserve.contains(w)) {
            return false;
        }
        w.hold(true);
        wireReserve.add(w);
        wireLayer.getChildren().add(w);
        w.applyCss();
        return true;
    }

    boolean isPreparedWire(String id) {
        WireView w = wires.built(id);
        return w != null && (attachedWires.contains(w) || wireReserve.contains(w));
    }

    boolean isReserved(NodeView v) {
        return v != null && reserve.contains(v);
    }

    boolean isPrepared(NodeView v) {
        return v != null && (reserve.contains(v) || attachedItems.contains(v));
    }

    int reserveSize() {
        return reserve.size();
    }

    int wireReserveSize() {
        return wireReserve.size();
    }

    boolean cullComplete() {
        return lastCullComplete;
    }

    /** Whether a view is shown now: in the scene, and not hidden under the overview. */
    boolean isAttached(NodeView view) {
        return nodeLayer.isVisible() && attachedItems.contains(view);
    }

    /** Whether a view is drawn now: shown and not held hidden. */
    boolean isDrawn(NodeView view) {
        return nodeLayer.isVisible() && view.isVisible() && attachedItems.contains(view);
    }
}
