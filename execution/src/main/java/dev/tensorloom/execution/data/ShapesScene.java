package dev.tensorloom.execution.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One picture of the detection toy task: a light, slightly noisy background with 1 to
 * {@code maxObjects} non-overlapping filled rectangles (class 0) and ellipses (class 1), each of one
 * random dark-to-mid colour. Pixels are float RGB in [0, 1], channel-first. Each object's box is the
 * exact extent of the pixels it coloured, in pixel-edge coordinates: {@code x1, y1} inclusive,
 * {@code x2, y2} exclusive, so {@code x2 - x1} is the drawn width.
 */
public final class ShapesScene {
    /** Class of a filled rectangle. */
    public static final int RECTANGLE = 0;
    /** Class of a filled ellipse. */
    public static final int ELLIPSE = 1;
    private static final int PLACEMENT_TRIES = 30;
    private static final double NOISE = 0.05;

    /** A drawn object: class, colour and the box of its pixels. */
    public record DrawnObject(int label, float[] colour, int x1, int y1, int x2, int y2) {
    }

    private final int size;
    private final float[] image;
    private final int[] owner;
    private final List<DrawnObject> objects;

    private ShapesScene(int size, float[] image, int[] owner, List<DrawnObject> objects) {
        this.size = size;
        this.image = image;
        this.owner = owner;
        this.objects = List.copyOf(objects);
    }

    /** Draws a scene of {@code size x size} pixels. */
    public static ShapesScene draw(DataRandom random, int size, int maxObjects) {
        int plane = size * size;
        float[] image = new float[3 * plane];
        double base = random.nextDouble(0.75, 0.95);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (base + random.nextDouble(-NOISE, NOISE));
        }
        int[] owner = new int[plane];
        java.util.Arrays.fill(owner, -1);
        int wanted = 1 + random.nextInt(maxObjects);
        int minSide = Math.max(3, size / 8);
        int maxSide = Math.max(minSide + 1, size * 3 / 8);
        List<int[]> placed = new ArrayList<>();
        List<DrawnObject> objects = new ArrayList<>();
        for (int n = 0; n < wanted; n++) {
            int[] rect = place(random, size, minSide, maxSide, placed);
            if (rect == null) {
                continue;
            }
            placed.add(rect);
            int label = random.nextInt(2);
            float[] colour = {(float) random.nextDouble(0, 0.7), (float) random.nextDouble(0, 0.7),
                (float) random.nextDouble(0, 0.7)};
            objects.add(fill(image, owner, size, rect, label, colour, objects.size()));
        }
        return new ShapesScene(size, image, owner, objects);
    }

    /** A rectangle {x, y, w, h} inside the image, one pixel clear of every placed one, or null. */
    private static int[] place(DataRandom random, int size, int minSide, int maxSide, List<int[]> placed) {
        for (int t = 0; t < PLACEMENT_TRIES; t++) {
            int w = random.nextInt(minSide, maxSide + 1);
            int h = random.nextInt(minSide, maxSide + 1);
            int x = random.nextInt(size - w + 1);
            int y = random.nextInt(size - h + 1);
            boolean clear = true;
            for (int[] p : placed) {
                if (x < p[0] + p[2] + 1 && p[0] < x + w + 1 && y < p[1] + p[3] + 1 && p[1] < y + h + 1) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return new int[] {x, y, w, h};
            }
        }
        return null;
    }

    private static DrawnObject fill(float[] image, int[] owner, int size, int[] rect, int label, float[] colour,
            int index) {
        int plane = size * size;
        double cx = rect[0] + rect[2] / 2.0;
        double cy = rect[1] + rect[3] / 2.0;
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = -1;
        int y2 = -1;
        for (int py = rect[1]; py < rect[1] + rect[3]; py++) {
            for (int px = rect[0]; px < rect[0] + rect[2]; px++) {
                if (label == ELLIPSE) {
                    double dx = (px + 0.5 - cx) / (rect[2] / 2.0);
                    double dy = (py + 0.5 - cy) / (rect[3] / 2.0);
                    if (dx * dx + dy * dy > 1) {
                        continue;
                    }
                }
                int p = py * size + px;
                owner[p] = index;
                for (int c = 0; c < 3; c++) {
                    image[c * plane + p] = colour[c];
                }
                x1 = Math.min(x1, px);
                y1 = Math.min(y1, py);
                x2 = Math.max(x2, px + 1);
                y2 = Math.max(y2, py + 1);
            }
        }
        return new DrawnObject(label, colour, x1, y1, x2, y2);
    }

    public int size() {
        return size;
    }

    /** Channel-first RGB pixels, {@code 3 * size * size} floats (live view). */
    public float[] image() {
        return image;
    }

    /** Index of the object that coloured pixel (x, y), or -1 for background. */
    public int owner(int x, int y) {
        return owner[y * size + x];
    }

    public List<DrawnObject> objects() {
        return objects;
    }
}
