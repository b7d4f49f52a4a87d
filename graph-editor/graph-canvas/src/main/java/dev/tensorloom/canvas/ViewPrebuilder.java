package dev.tensorloom.canvas;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.scene.FrameBudget;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.ItemShape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import javafx.animation.AnimationTimer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Builds node and wire views ahead of need in idle frames. A zoom-out from 1:1 to the detail switch
 * shows four times the area, and building and styling those views in the zoom's frames overran 16
 * ms; so once the canvas has been still for {@link #QUIET_NANOS}, with no gesture running, a few
 * views per frame are built hidden in the scene for the ring such a zoom-out would uncover (the area
 * seen at half the zoom, not below the switch), nodes nearest to the centre first, then the wires
 * (each zoom-out pass attached 20 to 30 new wires, 5 to 9 ms of its frame on the FX thread), up to
 * {@link FrameBudget#RESERVE_CAP} nodes and {@link FrameBudget#WIRE_RESERVE_CAP} wires. Any viewport or
 * document change stops the work until the canvas is still again.
 */
final class ViewPrebuilder {
    /** Quiet time after the last pan, zoom or edit before views are built ahead; longer than the zoom settle. */
    static final long QUIET_NANOS = 300_000_000L;
    /** Most views one idle frame builds. */
    static final int PER_FRAME = 8;
    /** Work one idle frame does at most (ms), leaving the rest of 16 ms to the pulse's render. */
    static final double FRAME_BUDGET_MS = 4;
    /** Most wires one idle frame builds; a wire costs a fraction of a node view. */
    static final int WIRES_PER_FRAME = 24;

    private final GraphCanvas canvas;
    private final GraphViews views;
    private final BooleanSupplier gestureRunning;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!frame(now)) {
                stop();
            }
        }
    };
    private long lastChange = System.nanoTime();
    /** Ids still to build for the current ring, nearest first; null until the ring is worked out. */
    private Deque<String> pending;
    /** Wire ids still to build for the current ring. */
    private Deque<String> pendingWires = new ArrayDeque<>();
    private int built;
    private int builtWires;

    ViewPrebuilder(GraphCanvas canvas, GraphViews views, BooleanSupplier gestureRunning) {
        this.canvas = canvas;
        this.views = views;
        this.gestureRunning = gestureRunning;
    }

    /** The viewport or the document changed: the ring is stale, and work waits for the next quiet time. */
    void changed() {
        lastChange = System.nanoTime();
        pending = null;
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /**
     * One idle frame at time {@code now} (nanoseconds, {@link System#nanoTime} scale): builds a few
     * views if the canvas is still and no gesture runs. Returns false when there is nothing left to do
     * until the next change (ring done, the canvas left the screen, or a gesture started: it ends in a change
     * or leaves the ring as it was).
     */
    boolean frame(long now) {
        if (gestureRunning.getAsBoolean() || !onScreen()) {
            return false;
        }
        if (views.isZooming() || now - lastChange < QUIET_NANOS || !views.cullComplete()) {
            return true;
        }
        if (pending == null) {
            pending = ring();
        }
        long start = System.nanoTime();
        int n = drain(pending, PER_FRAME, views::reserveSize, FrameBudget.RESERVE_CAP, views::prepare, start);
        built += n;
        if (!pending.isEmpty() && views.reserveSize() < FrameBudget.RESERVE_CAP) {
            return true;
        }
        builtWires += drain(pendingWires, WIRES_PER_FRAME, views::wireReserveSize, FrameBudget.WIRE_RESERVE_CAP,
                views::prepareWire, start);
        return !pendingWires.isEmpty() && views.wireReserveSize() < FrameBudget.WIRE_RESERVE_CAP;
    }

    /**
     * Prepares ids from the head of {@code queue} until {@code most} were prepared, the reserve reached
     * {@code cap} or the frame's budget since {@code start} ran out; returns how many were prepared. The
     * first one is always tried: on a loaded machine the thread can lose the whole budget before it, and a
     * frame that prepares nothing makes no progress.
     */
    private static int drain(Deque<String> queue, int most, IntSupplier reserved, int cap, Predicate<String> prepare,
            long start) {
        int n = 0;
        while (!queue.isEmpty() && n < most && reserved.getAsInt() < cap
                && (n == 0 || (System.nanoTime() - start) / 1e6 < FRAME_BUDGET_MS)) {
            if (prepare.test(queue.poll())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the canvas is in a scene whose window, if it has one, is showing. A canvas taken out of its
     * scene or left in a closed window builds nothing for nobody; in a closed window its stylesheet's
     * looked-up colours no longer resolve, and styling new views there logged CSS warnings.
     */
    private boolean onScreen() {
        javafx.scene.Scene scene = canvas.getScene();
        return scene != null && (scene.getWindow() == null || scene.getWindow().isShowing());
    }

    /** The ids in the ring without a view in the scene, nearest the viewport centre first; sets the reserve's area. */
    private Deque<String> ring() {
        double zoom = canvas.getZoom();
        double ringZoom = Math.max(OverviewLayer.DETAIL_ZOOM, zoom / 2);
        if (ringZoom >= zoom || canvas.getWidth() <= 0) {
            // Under the overview the reserve stays as it was: zooming back in is likely to want it.
            pendingWires = new ArrayDeque<>();
            return new ArrayDeque<>();
        }
        Point2D c = canvas.screenToCanvas(new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2));
        double halfW = (canvas.getWidth() / 2 + GraphCanvasSkin.CULL_MARGIN) / ringZoom;
        double halfH = (canvas.getHeight() / 2 + GraphCanvasSkin.CULL_MARGIN) / ringZoom;
        Bounds area = new BoundingBox(c.getX() - halfW, c.getY() - halfH, 2 * halfW, 2 * halfH);
        views.keepReserveIn(area);
        List<String> ids = new ArrayList<>();
        for (String id : views.itemsIn(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
            if (!views.isPrepared(id)) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.comparingDouble(id -> distance(views.shape(id), c)));
        pendingWires = new ArrayDeque<>();
        for (String id : views.wiresIn(area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY())) {
            if (!views.isPreparedWire(id)) {
                pendingWires.add(id);
            }
        }
        return new ArrayDeque<>(ids);
    }

    private static double distance(ItemShape s, Point2D c) {
        double dx = s.x() + s.width() / 2 - c.getX();
        double dy = s.y() + s.height() / 2 - c.getY();
        return dx * dx + dy * dy;
    }

    /** Views put in the scene ahead so far, newly built or built before (benchmark). */
    int built() {
        return built;
    }

    /** Wires put in the scene ahead so far (benchmark, tests). */
    int builtWires() {
        return builtWires;
    }
}
