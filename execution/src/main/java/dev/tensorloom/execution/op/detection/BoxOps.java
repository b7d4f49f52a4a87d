package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.tensorloom.execution.op.Scalars;

/**
 * Overlap measures of axis-aligned boxes {@code [x1, y1, x2, y2]}: IoU, GIoU, DIoU and CIoU, both for
 * single boxes in double precision (matching, metrics, tests) and element-wise on {@code [*, 4]}
 * arrays with gradients (losses).
 */
public final class BoxOps {
    /** Keeps divisions finite for degenerate (zero-area) boxes without moving normal results. */
    static final double EPS = 1e-7;

    private BoxOps() {
    }

    public static double area(double[] b) {
        return Math.max(b[2] - b[0], 0) * Math.max(b[3] - b[1], 0);
    }

    public static double iou(double[] p, double[] g) {
        double inter = intersection(p, g);
        return inter / (area(p) + area(g) - inter + EPS);
    }

    /** IoU minus the part of the smallest enclosing box not covered by the union. */
    public static double giou(double[] p, double[] g) {
        double inter = intersection(p, g);
        double union = area(p) + area(g) - inter;
        double enclose = (Math.max(p[2], g[2]) - Math.min(p[0], g[0])) * (Math.max(p[3], g[3]) - Math.min(p[1], g[1]));
        return inter / (union + EPS) - (enclose - union) / (enclose + EPS);
    }

    /** IoU minus squared centre distance over the squared diagonal of the enclosing box. */
    public static double diou(double[] p, double[] g) {
        return iou(p, g) - centreDistance2(p, g) / (enclosingDiagonal2(p, g) + EPS);
    }

    /** DIoU minus α·v, v = 4/π²·(atan(w_g/h_g) − atan(w_p/h_p))², α = v / (1 − IoU + v). */
    public static double ciou(double[] p, double[] g) {
        double iou = iou(p, g);
        double v = aspectPenalty(p, g);
        double alpha = v / (1 - iou + v + EPS);
        return iou - centreDistance2(p, g) / (enclosingDiagonal2(p, g) + EPS) - alpha * v;
    }

    private static double intersection(double[] p, double[] g) {
        double w = Math.min(p[2], g[2]) - Math.max(p[0], g[0]);
        double h = Math.min(p[3], g[3]) - Math.max(p[1], g[1]);
        return Math.max(w, 0) * Math.max(h, 0);
    }

    private static double centreDistance2(double[] p, double[] g) {
        double dx = (p[0] + p[2] - g[0] - g[2]) / 2;
        double dy = (p[1] + p[3] - g[1] - g[3]) / 2;
        return dx * dx + dy * dy;
    }

    private static double enclosingDiagonal2(double[] p, double[] g) {
        double w = Math.max(p[2], g[2]) - Math.min(p[0], g[0]);
        double h = Math.max(p[3], g[3]) - Math.min(p[1], g[1]);
        return w * w + h * h;
    }

    private static double aspectPenalty(double[] p, double[] g) {
        double d = Math.atan((g[2] - g[0]) / (g[3] - g[1] + EPS)) - Math.atan((p[2] - p[0]) / (p[3] - p[1] + EPS));
        return 4 / (Math.PI * Math.PI) * d * d;
    }

    /** Element-wise IoU of {@code [*, 4]} arrays; result {@code [*]}. */
    public static NDArray iou(NDArray p, NDArray g) {
        return new Pair(p, g).iou();
    }

    /** Element-wise GIoU of {@code [*, 4]} arrays; result {@code [*]}. */
    public static NDArray giou(NDArray p, NDArray g) {
        Pair s = new Pair(p, g);
        NDArray enclose = s.enclosingW().mul(s.enclosingH());
        return s.iou().sub(enclose.sub(s.union).div(enclose.add(Scalars.of(enclose, EPS))));
    }

    /** Element-wise DIoU of {@code [*, 4]} arrays; result {@code [*]}. */
    public static NDArray diou(NDArray p, NDArray g) {
        Pair s = new Pair(p, g);
        return s.iou().sub(s.distancePenalty());
    }

    /** Element-wise CIoU of {@code [*, 4]} arrays; α is computed without gradient, as in the CIoU paper. */
    public static NDArray ciou(NDArray p, NDArray g) {
        Pair s = new Pair(p, g);
        NDArray iou = s.iou();
        NDArray diff = s.gw.div(s.gh.add(Scalars.of(s.gh, EPS))).atan().sub(s.pw.div(s.ph.add(Scalars.of(s.ph, EPS))).atan());
        NDArray v = diff.mul(diff).mul(Scalars.of(diff, 4 / (Math.PI * Math.PI)));
        NDArray alpha = v.div(iou.neg().add(Scalars.of(iou, 1)).add(v).add(Scalars.of(iou, EPS))).stopGradient();
        return iou.sub(s.distancePenalty()).sub(alpha.mul(v));
    }

    /** Shared pieces of two box arrays: corners, sizes, intersection and union. */
    private static final class Pair {
        final NDArray px1, py1, px2, py2, gx1, gy1, gx2, gy2, pw, ph, gw, gh, inter, union;

        Pair(NDArray p, NDArray g) {
            px1 = p.get(coord(0));
            py1 = p.get(coord(1));
            px2 = p.get(coord(2));
            py2 = p.get(coord(3));
            gx1 = g.get(coord(0));
            gy1 = g.get(coord(1));
            gx2 = g.get(coord(2));
            gy2 = g.get(coord(3));
            pw = px2.sub(px1);
            ph = py2.sub(py1);
            gw = gx2.sub(gx1);
            gh = gy2.sub(gy1);
            NDArray iw = px2.minimum(gx2).sub(px1.maximum(gx1)).maximum(Scalars.of(px1, 0));
            NDArray ih = py2.minimum(gy2).sub(py1.maximum(gy1)).maximum(Scalars.of(py1, 0));
            inter = iw.mul(ih);
            union = pw.maximum(Scalars.of(pw, 0)).mul(ph.maximum(Scalars.of(ph, 0)))
                    .add(gw.maximum(Scalars.of(gw, 0)).mul(gh.maximum(Scalars.of(gh, 0)))).sub(inter);
        }

        NDArray iou() {
            return inter.div(union.add(Scalars.of(union, EPS)));
        }

        NDArray enclosingW() {
            return px2.maximum(gx2).sub(px1.minimum(gx1));
        }

        NDArray enclosingH() {
            return py2.maximum(gy2).sub(py1.minimum(gy1));
        }

        NDArray distancePenalty() {
            NDArray dx = px1.add(px2).sub(gx1).sub(gx2).div(Scalars.of(px1, 2));
            NDArray dy = py1.add(py2).sub(gy1).sub(gy2).div(Scalars.of(py1, 2));
            NDArray ew = enclosingW();
            NDArray eh = enclosingH();
            return dx.mul(dx).add(dy.mul(dy)).div(ew.mul(ew).add(eh.mul(eh)).add(Scalars.of(dx, EPS)));
        }

        private static NDIndex coord(int i) {
            return new NDIndex("..., {}", i);
        }
    }
}
