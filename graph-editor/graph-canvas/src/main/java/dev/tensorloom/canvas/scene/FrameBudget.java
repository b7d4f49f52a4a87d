package dev.tensorloom.canvas.scene;

/**
 * How much view work one frame (one layout pass) may do, and how many views may wait hidden. The
 * software pipeline has about 16 ms a frame; each figure below was measured to keep a frame near
 * 10 ms while zooming and panning over large graphs.
 */
public final class FrameBudget {
    /**
     * Most node views one culling pass builds once some are in the scene: CSS and layout of a new
     * view cost about 0.6 ms, so twelve keep a frame that uncovers many of them within its 16 ms.
     * The first pass after opening builds every view it needs, so the first frame is complete;
     * later, the overview stays drawn under the views until they are all built.
     */
    public static final int BUILDS_PER_PASS = 12;
    /**
     * Most views built ahead (hidden in the scene) that one pass shows: each still renders its
     * cached bitmap the first time it is drawn (about 0.6 ms in the software pipeline), so a
     * zoom-out that uncovers a ring of them spreads that over a few frames too, with the overview
     * under them meanwhile. At 24 a pass cost 17 to 21 ms; at 8 the frames stay near 10 ms.
     */
    public static final int SHOWS_PER_PASS = 8;
    /**
     * Most shown views one pass turns sharp after a zoom settles: each renders its cached bitmap
     * again at the new scale, and a screenful at once made a 29 to 35 ms frame.
     */
    public static final int SHARPENS_PER_PASS = 12;
    /** Most node views held hidden, so huge dense graphs do not end up with every view built. */
    public static final int RESERVE_CAP = 400;
    /** Most wires held hidden. */
    public static final int WIRE_RESERVE_CAP = 800;

    private FrameBudget() {
    }
}
