package dev.tensorloom.studio.files;

import java.util.List;

/**
 * Where the main window sits and how big it is, in screen coordinates, so the studio reopens as it was
 * left. Plain numbers (no JavaFX types), so placing and restoring can be tested without a screen.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** The share of the screen a first start fills: room for the canvas and the run views below it. */
    static final double FIRST_START_SHARE = 0.9;
    /**
     * The smallest window that still shows palette, canvas, inspector and run views side by side; at this size
     * the run buttons show their icons alone (SmallWindowStoryTest).
     */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;
    /** How much of the title bar must lie on some screen for a remembered place to be reused. */
    private static final double GRIP = 48;

    /** A screen's usable area (without task bars), in the same coordinates as a placement. */
    public record Area(double x, double y, double width, double height) {
        boolean containsGrip(WindowPlacement p) {
            double left = Math.max(x, p.x());
            double right = Math.min(x + width, p.x() + p.width());
            return right - left >= GRIP && p.y() >= y && p.y() + GRIP <= y + height;
        }
    }

    /** A first start: centred on the screen, filling most of it, never below the minimum size. */
    public static WindowPlacement firstStart(Area screen) {
        double w = Math.min(screen.width(), Math.max(MIN_WIDTH, screen.width() * FIRST_START_SHARE));
        double h = Math.min(screen.height(), Math.max(MIN_HEIGHT, screen.height() * FIRST_START_SHARE));
        return new WindowPlacement(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2,
                w, h, false);
    }

    /**
     * The remembered placement when its title bar is still on one of {@code screens} (a monitor may have
     * gone since), clipped to fit that screen; otherwise a first start on {@code primary}.
     */
    public static WindowPlacement restore(WindowPlacement remembered, List<Area> screens, Area primary) {
        if (remembered == null || !(remembered.width() > 0) || !(remembered.height() > 0)) {
            return firstStart(primary);
        }
        return screens.stream().filter(s -> s.containsGrip(remembered)).findFirst()
                .map(s -> new WindowPlacement(remembered.x(), remembered.y(),
                        Math.min(s.width(), Math.max(MIN_WIDTH, remembered.width())),
                        Math.min(s.height(), Math.max(MIN_HEIGHT, remembered.height())), remembered.maximized()))
                .orElseGet(() -> firstStart(primary));
    }
}
