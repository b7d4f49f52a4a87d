package dev.tensorloom.studio.ui;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.Region;

/**
 * Shows a row's buttons with their text only while it fits: when the row is narrower than the buttons need
 * with their text plus {@code reserve} for the rest of the row, they show their icons alone (their tooltips
 * still say what they do). A button never shrinks below its preferred width, so its text is never cut short.
 */
public final class CompactButtons {
    private final Region row;
    private final double reserve;
    private final List<Button> buttons;
    /** What the buttons need with their text, measured while they showed it. */
    private double withText;

    private CompactButtons(Region row, double reserve, List<Button> buttons) {
        this.row = row;
        this.reserve = reserve;
        this.buttons = List.copyOf(buttons);
    }

    /** Makes the buttons of {@code row} fall back to their icons when the row gets too narrow. */
    public static CompactButtons install(Region row, double reserve, List<Button> buttons) {
        CompactButtons compact = new CompactButtons(row, reserve, buttons);
        for (Button b : buttons) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        row.widthProperty().addListener(obs -> compact.fit());
        return compact;
    }

    /** Whether the buttons show their icons alone now. */
    public boolean compact() {
        return buttons.get(0).getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
    }

    private void fit() {
        if (!compact()) {
            // The row's width comes from its parent, not from the buttons, so switching cannot feed back here.
            withText = buttons.stream().mapToDouble(b -> b.prefWidth(-1)).sum();
        }
        boolean narrow = row.getWidth() > 0 && row.getWidth() < withText + reserve;
        for (Button b : buttons) {
            b.setContentDisplay(narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
    }
}
