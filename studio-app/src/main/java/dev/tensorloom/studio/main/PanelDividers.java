package dev.tensorloom.studio.main;

import dev.tensorloom.studio.files.PanelSplits;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.SplitPane;

/**
 * The main window's two splits as {@link PanelSplits}: palette | canvas | inspector across, and editor over run
 * views down (absent in windows without run views). The studio applies the remembered positions at start and
 * reads them back at quit.
 */
public final class PanelDividers {
    /**
     * The least share of the window's width the canvas keeps when the window narrows: the side panels keep their
     * pixel widths as it shrinks, which at 900 px left the canvas under a third of the window.
     */
    static final double CANVAS_SHARE = 0.5;

    private final SplitPane across;
    private final SplitPane down;

    PanelDividers(SplitPane across, SplitPane down) {
        this.across = across;
        this.down = down;
        apply(PanelSplits.DEFAULT);
        across.widthProperty().addListener((o, before, after) -> {
            if (after.doubleValue() < before.doubleValue()) {
                // After the split's own layout pass, which keeps the side panels' pixel widths at the new width.
                Platform.runLater(this::keepCanvasShare);
            }
        });
    }

    /** Narrows both side panels in proportion, so the canvas keeps {@link #CANVAS_SHARE} of the width. */
    private void keepCanvasShare() {
        double[] p = across.getDividerPositions();
        double sides = p[0] + (1 - p[1]);
        double room = 1 - CANVAS_SHARE;
        if (sides > room) {
            across.setDividerPositions(p[0] * room / sides, 1 - (1 - p[1]) * room / sides);
        }
    }

    /** Puts the dividers where {@code splits} says, after making them sane ({@link PanelSplits#restore}). */
    public void apply(PanelSplits splits) {
        PanelSplits sane = PanelSplits.restore(splits);
        across.setDividerPositions(sane.palette(), sane.inspector());
        if (down != null) {
            down.setDividerPositions(sane.runArea());
        }
    }

    /**
     * Applies the splits now and again after every size change of the splits until the returned action is run. A
     * window is first laid out at its scene's size and takes its remembered size a moment later; the side panels
     * keep their pixel widths when it grows, which shifts the fractions, so they are put back after each such
     * layout pass. Run the action once the window has settled, so a window the user resizes behaves as usual.
     */
    public Runnable applyWhileSettling(PanelSplits splits) {
        InvalidationListener again = o -> Platform.runLater(() -> apply(splits));
        across.widthProperty().addListener(again);
        if (down != null) {
            down.heightProperty().addListener(again);
        }
        apply(splits);
        return () -> {
            across.widthProperty().removeListener(again);
            if (down != null) {
                down.heightProperty().removeListener(again);
            }
        };
    }

    /** Where the dividers are now; the run area's default when the window has none. */
    public PanelSplits current() {
        double[] sides = across.getDividerPositions();
        double run = down == null ? PanelSplits.DEFAULT.runArea() : down.getDividerPositions()[0];
        return new PanelSplits(sides[0], sides[1], run);
    }
}
