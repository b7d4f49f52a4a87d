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
    private final SplitPane across;
    private final SplitPane down;

    PanelDividers(SplitPane across, SplitPane down) {
        this.across = across;
        this.down = down;
        apply(PanelSplits.DEFAULT);
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
