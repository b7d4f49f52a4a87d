package dev.tensorloom.canvas.scene;

import dev.tensorloom.canvas.view.NodeView;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.CacheHint;

/**
 * While a zoom gesture runs, views scale their cached bitmaps instead of rendering text at every new
 * scale; when it settles they render sharp again, once, a few per pass.
 */
final class ZoomSharpener {
    private final Collection<NodeView> views;
    private final Predicate<NodeView> drawn;
    private boolean zooming;
    /** Views still drawn from a bitmap cached at another scale since the last zoom settled. */
    private final Set<NodeView> blurred = new LinkedHashSet<>();

    /**
     * @param views the built views (a live collection)
     * @param drawn whether a view is drawn now: only those cost a render to sharpen
     */
    ZoomSharpener(Collection<NodeView> views, Predicate<NodeView> drawn) {
        this.views = views;
        this.drawn = drawn;
    }

    void setZooming(boolean value) {
        if (zooming == value) {
            return;
        }
        zooming = value;
        if (value) {
            blurred.clear();
            for (NodeView v : views) {
                v.setCacheHint(CacheHint.SCALE);
            }
        } else {
            blurred.addAll(views);
        }
    }

    boolean isZooming() {
        return zooming;
    }

    /** The cache hint a view built now starts with: one built after a zoom settled has nothing to sharpen. */
    CacheHint hintForNewView() {
        return zooming ? CacheHint.SCALE : CacheHint.DEFAULT;
    }

    /** See {@link GraphViews#sharpen}. */
    boolean sharpen() {
        int shown = 0;
        for (Iterator<NodeView> it = blurred.iterator(); it.hasNext();) {
            NodeView v = it.next();
            if (drawn.test(v) && shown++ >= FrameBudget.SHARPENS_PER_PASS) {
                continue;
            }
            v.setCacheHint(CacheHint.DEFAULT);
            it.remove();
        }
        return !blurred.isEmpty();
    }

    boolean sharpening() {
        return !blurred.isEmpty();
    }
}
