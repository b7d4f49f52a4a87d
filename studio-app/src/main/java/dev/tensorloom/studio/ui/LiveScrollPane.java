package dev.tensorloom.studio.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the image cache of a scroll pane whose content changes many times a second. The scroll
 * pane's skin caches its viewport as one image, made for scrolling static content; with live content
 * every update renders the whole view again into that image (in software) instead of only what
 * changed, and the window's frames come late while training or replaying.
 */
public final class LiveScrollPane {
    private LiveScrollPane() {
    }

    /** Keeps {@code pane}'s viewport uncached, now and whenever its skin is (re)created. */
    public static void uncacheViewport(ScrollPane pane) {
        pane.skinProperty().addListener((o, a, skin) -> uncache(pane));
        uncache(pane);
    }

    private static void uncache(ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    /** Whether {@code pane}'s viewport is rendered through a cached image (false once uncached with a skin). */
    public static boolean viewportCached(ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        return viewport == null || viewport.isCache();
    }
}
