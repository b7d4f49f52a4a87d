package dev.tensorloom.canvas.overview;

import java.util.Arrays;

/**
 * A screen-sized buffer of premultiplied ARGB pixels and the things the overview draws into it:
 * filled boxes, box outlines, one-pixel lines and wider ones, all clipped to the buffer. Plain Java, no
 * anti-aliasing: the overview is boxes and straight wires seen from far away, and drawing them
 * here costs less than a millisecond a frame where asking the software renderer to draw a scaled
 * bitmap of them cost 9 to 15 ms (it filters every pixel unless the bitmap sits 1:1 on whole pixels).
 */
public final class OverviewRaster {
    private final int width;
    private final int height;
    private final int[] pixels;

    public OverviewRaster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row after row; the overview hands this array to JavaFX as the image's buffer. */
    public int[] pixels() {
        return pixels;
    }

    /** The premultiplied ARGB pixel at (x, y). */
    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Makes every pixel transparent. */
    public void clear() {
        Arrays.fill(pixels, 0);
    }

    /**
     * Fills the pixels a box covers, at least one pixel each way, so that a block a tenth of a
     * pixel wide still shows; coordinates in pixels, x1/y1 exclusive.
     */
    public void fillBox(double x0, double y0, double x1, double y1, int argb) {
        int px0 = (int) Math.floor(x0);
        int py0 = (int) Math.floor(y0);
        int px1 = Math.max(px0 + 1, (int) Math.ceil(x1));
        int py1 = Math.max(py0 + 1, (int) Math.ceil(y1));
        fillPixels(px0, py0, px1, py1, argb);
    }

    /** Draws the outline of a box {@code thickness} pixels wide just inside its edges. */
    public void strokeBox(double x0, double y0, double x1, double y1, int thickness, int argb) {
        int px0 = (int) Math.floor(x0);
        int py0 = (int) Math.floor(y0);
        int px1 = Math.max(px0 + 2 * thickness, (int) Math.ceil(x1));
        int py1 = Math.max(py0 + 2 * thickness, (int) Math.ceil(y1));
        fillPixels(px0, py0, px1, py0 + thickness, argb);
        fillPixels(px0, py1 - thickness, px1, py1, argb);
        fillPixels(px0, py0 + thickness, px0 + thickness, py1 - thickness, argb);
        fillPixels(px1 - thickness, py0 + thickness, px1, py1 - thickness, argb);
    }

    private void fillPixels(int px0, int py0, int px1, int py1, int argb) {
        int x0 = Math.max(0, px0);
        int y0 = Math.max(0, py0);
        int x1 = Math.min(width, px1);
        int y1 = Math.min(height, py1);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        boolean opaque = argb >>> 24 == 0xff;
        for (int y = y0; y < y1; y++) {
            int row = y * width;
            if (opaque) {
                Arrays.fill(pixels, row + x0, row + x1, argb);
            } else {
                for (int i = row + x0; i < row + x1; i++) {
                    pixels[i] = over(argb, pixels[i]);
                }
            }
        }
    }

    /** A one-pixel line from (x0, y0) to (x1, y1), the part outside the buffer cut off first. */
    public void line(double x0, double y0, double x1, double y1, int argb) {
        // Liang-Barsky against the pixel centres' box, so a wire across a huge canvas costs only
        // the pixels it crosses on screen.
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] t = {0, 1};
        double maxX = width - 1;
        double maxY = height - 1;
        if (!clip(-dx, x0, t) || !clip(dx, maxX - x0, t) || !clip(-dy, y0, t) || !clip(dy, maxY - y0, t)) {
            return;
        }
        double ax = x0 + t[0] * dx;
        double ay = y0 + t[0] * dy;
        double bx = x0 + t[1] * dx;
        double by = y0 + t[1] * dy;
        int steps = (int) Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)));
        if (steps == 0) {
            plot((int) Math.round(ax), (int) Math.round(ay), argb);
            return;
        }
        double sx = (bx - ax) / steps;
        double sy = (by - ay) / steps;
        for (int i = 0; i <= steps; i++) {
            plot((int) Math.round(ax + i * sx), (int) Math.round(ay + i * sy), argb);
        }
    }

    /**
     * A line {@code width} pixels wide: {@code width} one-pixel lines side by side across its main direction
     * (stacked vertically for a flat line, horizontally for a steep one), centred on the line.
     */
    public void thickLine(double x0, double y0, double x1, double y1, int width, int argb) {
        boolean flat = Math.abs(x1 - x0) >= Math.abs(y1 - y0);
        for (int i = 0; i < width; i++) {
            double offset = i - (width - 1) / 2.0;
            double dx = flat ? 0 : offset;
            double dy = flat ? offset : 0;
            line(x0 + dx, y0 + dy, x1 + dx, y1 + dy, argb);
        }
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    private void plot(int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            int i = y * width + x;
            pixels[i] = argb >>> 24 == 0xff ? argb : over(argb, pixels[i]);
        }
    }

    /** Porter-Duff source over destination, both premultiplied. */
    public static int over(int src, int dst) {
        int keep = 255 - (src >>> 24);
        int a = (src >>> 24) + mul(dst >>> 24, keep);
        int r = ((src >> 16) & 0xff) + mul((dst >> 16) & 0xff, keep);
        int g = ((src >> 8) & 0xff) + mul((dst >> 8) & 0xff, keep);
        int b = (src & 0xff) + mul(dst & 0xff, keep);
        return a << 24 | r << 16 | g << 8 | b;
    }

    private static int mul(int value, int alpha) {
        return (value * alpha + 127) / 255;
    }

    /** A colour as one premultiplied ARGB int. */
    public static int premultiplied(double red, double green, double blue, double opacity) {
        int a = (int) Math.round(opacity * 255);
        return a << 24 | (int) Math.round(red * opacity * 255) << 16 | (int) Math.round(green * opacity * 255) << 8
                | (int) Math.round(blue * opacity * 255);
    }
}
