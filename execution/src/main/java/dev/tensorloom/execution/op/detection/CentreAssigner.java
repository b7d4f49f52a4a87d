package dev.tensorloom.execution.op.detection;

import java.util.Arrays;

/**
 * Anchor-free target assignment for a square grid of cells (FCOS with centre sampling): a cell is a
 * positive of a target when its centre {@code ((j+½)·stride, (i+½)·stride)} lies inside the target's
 * box and within {@code radius·stride} of the box centre on both axes; a cell claimed by several targets
 * takes the one with the smallest area. A target that no cell claims (a box smaller than a cell) gets
 * the cell holding its centre, so every target is learned.
 */
public final class CentreAssigner {
    private CentreAssigner() {
    }

    /**
     * @param side   cells per grid side; cell {@code (i, j)} has index {@code i·side + j}
     * @param boxes  the image's real targets, x1, y1, x2, y2 in pixels
     * @return for every cell the index of its target in {@code boxes}, or −1 for background
     */
    public static int[] assign(int side, double stride, double radius, double[][] boxes) {
        int[] owner = new int[side * side];
        Arrays.fill(owner, -1);
        double reach = radius * stride;
        for (int i = 0; i < side; i++) {
            double cy = (i + 0.5) * stride;
            for (int j = 0; j < side; j++) {
                double cx = (j + 0.5) * stride;
                double bestArea = Double.POSITIVE_INFINITY;
                for (int t = 0; t < boxes.length; t++) {
                    double[] b = boxes[t];
                    boolean inside = cx >= b[0] && cx < b[2] && cy >= b[1] && cy < b[3];
                    boolean near = Math.abs(cx - (b[0] + b[2]) / 2) <= reach && Math.abs(cy - (b[1] + b[3]) / 2) <= reach;
                    double area = BoxOps.area(b);
                    if (inside && near && area < bestArea) {
                        bestArea = area;
                        owner[i * side + j] = t;
                    }
                }
            }
        }
        boolean[] claimed = new boolean[boxes.length];
        for (int o : owner) {
            if (o >= 0) {
                claimed[o] = true;
            }
        }
        for (int t = 0; t < boxes.length; t++) {
            if (!claimed[t]) {
                int j = clamp((int) Math.floor((boxes[t][0] + boxes[t][2]) / 2 / stride), side);
                int i = clamp((int) Math.floor((boxes[t][1] + boxes[t][3]) / 2 / stride), side);
                owner[i * side + j] = t;
            }
        }
        return owner;
    }

    private static int clamp(int v, int side) {
        return Math.max(0, Math.min(side - 1, v));
    }
}
