package dev.tensorloom.studio.main;

import dev.tensorloom.studio.files.PanelSplits;
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

    /** Where the dividers are now; the run area's default when the window has none. */
    public PanelSplits current() {
        double[] sides = across.getDividerPositions();
        double run = down == null ? PanelSplits.DEFAULT.runArea() : down.getDividerPositions()[0];
        return new PanelSplits(sides[0], sides[1], run);
    }
}
