package dev.tensorloom.execution.data;

/**
 * A square grayscale canvas drawn with soft edges: a pixel's coverage by a shape is
 * clamp(0.5 − d, 0, 1) for the signed distance d (pixels) from its centre to the shape's edge, so
 * small shapes keep their sub-pixel size and position. Painting blends toward the paint value by coverage.
 */
final class SoftRaster {
    private final int size;
    private final float[] pixels;

    SoftRaster(int size, float background) {
        this.size = size;
        this.pixels = new float[size * size];
        java.util.Arrays.fill(pixels, background);
    }

    float[] pixels() {
        return pixels;
    }

    int size() {
        return size;
    }

    /** A signed distance (negative inside) from a point to a shape. */
    @FunctionalInterface
    interface Shape {
        double distance(double x, double y);
    }

    /** Paints {@code value} over every pixel by its coverage of {@code shape}. */
    void paint(Shape shape, float value) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double c = coverage(shape.distance(x + 0.5, y + 0.5));
                if (c > 0) {
                    int i = y * size + x;
                    pixels[i] = (float) (pixels[i] + c * (value - pixels[i]));
                }
            }
        }
    }

    static double coverage(double distance) {
        return Math.max(0, Math.min(1, 0.5 - distance));
    }

    static Shape disc(double cx, double cy, double r) {
        return (x, y) -> Math.hypot(x - cx, y - cy) - r;
    }

    /** An axis-aligned box of half sides hx, hy centred at (cx, cy). */
    static Shape box(double cx, double cy, double hx, double hy) {
        return (x, y) -> {
            double dx = Math.abs(x - cx) - hx;
            double dy = Math.abs(y - cy) - hy;
            return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
        };
    }

    /** A segment from (x1, y1) to (x2, y2) with rounded ends, {@code halfWidth} either side. */
    static Shape segment(double x1, double y1, double x2, double y2, double halfWidth) {
        return (x, y) -> {
            double vx = x2 - x1;
            double vy = y2 - y1;
            double len2 = vx * vx + vy * vy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / len2));
            return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy)) - halfWidth;
        };
    }

    /** A convex polygon with vertices in counter-clockwise order (screen y down: clockwise on screen). */
    static Shape convexPolygon(double[] xs, double[] ys) {
        return (x, y) -> {
            double inside = Double.NEGATIVE_INFINITY;
            int n = xs.length;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double ex = xs[j] - xs[i];
                double ey = ys[j] - ys[i];
                double len = Math.hypot(ex, ey);
                // signed distance to the edge's line; positive on the outer side
                double d = ((x - xs[i]) * ey - (y - ys[i]) * ex) / len;
                inside = Math.max(inside, d);
            }
            return inside;
        };
    }

    static Shape union(Shape a, Shape b) {
        return (x, y) -> Math.min(a.distance(x, y), b.distance(x, y));
    }
}
