package dev.tensorloom.canvas.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grid buckets over canvas space: each key is filed under every cell its box touches, so a query
 * for the visible rectangle reads a few cells instead of every item. Boxes that would span very
 * many cells (a wire across the whole graph) are kept in a short list checked on every query.
 */
public final class SpatialGrid {
    /** Cell side in canvas units; a 1:1 viewport covers a handful of cells. */
    public static final double CELL = 512;
    /** Boxes touching more cells than this go to the list of large boxes instead. */
    public static final int MAX_CELLS = 64;

    private record Box(double minX, double minY, double maxX, double maxY) {
        boolean meets(double x0, double y0, double x1, double y1) {
            return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
        }
    }

    private final Map<Long, Set<String>> cells = new HashMap<>();
    private final Map<String, Box> boxes = new HashMap<>();
    private final Set<String> large = new LinkedHashSet<>();

    /** Files a key under its box, replacing where it was filed before. */
    public void put(String key, double minX, double minY, double maxX, double maxY) {
        remove(key);
        Box box = new Box(minX, minY, maxX, maxY);
        boxes.put(key, box);
        long cx0 = cell(minX);
        long cy0 = cell(minY);
        long cx1 = cell(maxX);
        long cy1 = cell(maxY);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS) {
            large.add(key);
            return;
        }
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                cells.computeIfAbsent(pack(cx, cy), k -> new HashSet<>()).add(key);
            }
        }
    }

    public void remove(String key) {
        Box box = boxes.remove(key);
        if (box == null) {
            return;
        }
        if (large.remove(key)) {
            return;
        }
        for (long cx = cell(box.minX()); cx <= cell(box.maxX()); cx++) {
            for (long cy = cell(box.minY()); cy <= cell(box.maxY()); cy++) {
                Set<String> bucket = cells.get(pack(cx, cy));
                if (bucket != null && bucket.remove(key) && bucket.isEmpty()) {
                    cells.remove(pack(cx, cy));
                }
            }
        }
    }

    public void clear() {
        cells.clear();
        boxes.clear();
        large.clear();
    }

    public int size() {
        return boxes.size();
    }

    /** Keys whose boxes meet the rectangle (edges included). */
    public Set<String> query(double minX, double minY, double maxX, double maxY) {
        Set<String> hits = new HashSet<>();
        long cx0 = cell(minX);
        long cy0 = cell(minY);
        long cx1 = cell(maxX);
        long cy1 = cell(maxY);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > cells.size()) {
            // A query larger than the filled area: test every box once instead of every cell.
            boxes.forEach((key, box) -> {
                if (box.meets(minX, minY, maxX, maxY)) {
                    hits.add(key);
                }
            });
            return hits;
        }
        List<String> seen = new ArrayList<>();
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                Set<String> bucket = cells.get(pack(cx, cy));
                if (bucket != null) {
                    seen.addAll(bucket);
                }
            }
        }
        seen.addAll(large);
        for (String key : seen) {
            if (!hits.contains(key) && boxes.get(key).meets(minX, minY, maxX, maxY)) {
                hits.add(key);
            }
        }
        return hits;
    }

    private static long cell(double v) {
        return (long) Math.floor(v / CELL);
    }

    private static long pack(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
