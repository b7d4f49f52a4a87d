package dev.tensorloom.studio.files;

/**
 * Where the main window's panel dividers sit, as fractions of their split: the palette's right edge and the
 * inspector's left edge across the window, and the run area's top edge down it. Plain numbers, so restoring can
 * be tested without a screen; {@link #restore} turns whatever a file held into positions a split can take.
 */
public record PanelSplits(double palette, double inspector, double runArea) {
    /** A first start: a narrow palette and inspector beside the canvas, the run views below its middle. */
    public static final PanelSplits DEFAULT = new PanelSplits(0.18, 0.76, 0.55);

    /**
     * The remembered splits where they make sense, the default where they do not: a position that is not a
     * number or lies outside (0, 1) falls back, and so do palette and inspector together unless the palette's
     * edge lies left of the inspector's. Null (nothing remembered) gives the default.
     */
    public static PanelSplits restore(PanelSplits remembered) {
        if (remembered == null) {
            return DEFAULT;
        }
        boolean sides = inside(remembered.palette()) && inside(remembered.inspector())
                && remembered.palette() < remembered.inspector();
        return new PanelSplits(sides ? remembered.palette() : DEFAULT.palette(),
                sides ? remembered.inspector() : DEFAULT.inspector(),
                inside(remembered.runArea()) ? remembered.runArea() : DEFAULT.runArea());
    }

    /** Strictly between 0 and 1; false for NaN. */
    private static boolean inside(double fraction) {
        return fraction > 0 && fraction < 1;
    }
}
