package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * DETR's set loss. Per image, predictions are matched one-to-one to the real targets (label ≥ 0;
 * negative labels are padding) by {@link HungarianMatcher} on the cost
 * {@code class_cost·(−p(label)) + l1_cost·|Δbox|₁ + giou_cost·(−GIoU)}. The loss is a weighted
 * cross-entropy over all queries (matched queries learn their target's label, the rest the last
 * "no object" class with weight {@code eos_coef}), plus {@code l1_cost}·L1 and {@code giou_cost}·(1 − GIoU)
 * summed over matched boxes and divided by the number of real targets in the batch (at least 1), as in DETR.
 * Boxes are x1, y1, x2, y2.
 */
public final class DetrSetLossOp implements BlockOp {
    private final double classCost;
    private final double l1Cost;
    private final double giouCost;
    private final double eosCoef;

    public DetrSetLossOp(double classCost, double l1Cost, double giouCost, double eosCoef) {
        this.classCost = classCost;
        this.l1Cost = l1Cost;
        this.giouCost = giouCost;
        this.eosCoef = eosCoef;
    }

    /** A matched pair: flat prediction index b·Q + q, flat target index b·T + t, and the target's label. */
    record Pair(int pred, int target, int label) {
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray logits = inputs.get(0);
        NDArray boxes = inputs.get(1);
        NDArray targetBoxes = inputs.get(2);
        NDArray labels = inputs.get(3);
        int b = (int) logits.getShape().get(0);
        int q = (int) logits.getShape().get(1);
        int k = (int) logits.getShape().get(2);
        int t = (int) targetBoxes.getShape().get(1);
        List<Pair> pairs = match(logits, boxes, targetBoxes, labels);
        NDManager m = ctx.manager();

        float[] oneHot = new float[b * q * k];
        float[] weight = new float[b * q];
        for (int i = 0; i < b * q; i++) {
            oneHot[i * k + k - 1] = 1;
            weight[i] = (float) eosCoef;
        }
        for (Pair p : pairs) {
            oneHot[p.pred * k + k - 1] = 0;
            oneHot[p.pred * k + p.label] = 1;
            weight[p.pred] = 1;
        }
        NDArray logp = logits.reshape(b * q, k).logSoftmax(1);
        NDArray ce = logp.mul(m.create(oneHot, new Shape(b * q, k))).sum(new int[] {1}).neg();
        NDArray w = m.create(weight);
        NDArray loss = ce.mul(w).sum().div(w.sum());
        if (!pairs.isEmpty()) {
            float[] selectPred = new float[pairs.size() * b * q];
            float[] selectTarget = new float[pairs.size() * b * t];
            for (int i = 0; i < pairs.size(); i++) {
                selectPred[i * b * q + pairs.get(i).pred] = 1;
                selectTarget[i * b * t + pairs.get(i).target] = 1;
            }
            NDArray pm = m.create(selectPred, new Shape(pairs.size(), b * q)).matMul(boxes.reshape(b * q, 4));
            NDArray tm = m.create(selectTarget, new Shape(pairs.size(), b * t)).matMul(targetBoxes.reshape(b * t, 4));
            // float scalars: a double would promote the 0-d results to float64
            float matched = pairs.size();
            NDArray l1 = pm.sub(tm).abs().sum().div(Scalars.of(pm, matched));
            NDArray giou = BoxOps.giou(pm, tm).neg().add(Scalars.of(pm, 1)).sum().div(Scalars.of(pm, matched));
            loss = loss.add(l1.mul(Scalars.of(l1, (float) l1Cost))).add(giou.mul(Scalars.of(giou, (float) giouCost)));
        }
        return new NDList(loss);
    }

    /** Hungarian matching of every image, on values copied out without gradient. */
    List<Pair> match(NDArray logits, NDArray boxes, NDArray targetBoxes, NDArray labels) {
        int b = (int) logits.getShape().get(0);
        int q = (int) logits.getShape().get(1);
        int k = (int) logits.getShape().get(2);
        int t = (int) targetBoxes.getShape().get(1);
        float[] prob = logits.stopGradient().softmax(2).toFloatArray();
        float[] pb = boxes.toFloatArray();
        float[] tb = targetBoxes.toFloatArray();
        long[] lab = labels.toType(DataType.INT64, false).toLongArray();
        List<Pair> pairs = new ArrayList<>();
        for (int img = 0; img < b; img++) {
            List<Integer> real = new ArrayList<>();
            for (int j = 0; j < t; j++) {
                long l = lab[img * t + j];
                if (l >= 0) {
                    if (l >= k - 1) {
                        throw new IllegalArgumentException("target label " + l + " outside 0.." + (k - 2)
                                + " (the last of the " + k + " logits is 'no object')");
                    }
                    real.add(j);
                }
            }
            double[][] cost = new double[q][real.size()];
            for (int i = 0; i < q; i++) {
                double[] p = box(pb, (img * q + i) * 4);
                for (int c = 0; c < real.size(); c++) {
                    int j = real.get(c);
                    double[] g = box(tb, (img * t + j) * 4);
                    double l1 = 0;
                    for (int d = 0; d < 4; d++) {
                        l1 += Math.abs(p[d] - g[d]);
                    }
                    double pClass = prob[(img * q + i) * k + (int) lab[img * t + j]];
                    cost[i][c] = -classCost * pClass + l1Cost * l1 - giouCost * BoxOps.giou(p, g);
                }
            }
            int[] rows = HungarianMatcher.match(cost);
            for (int c = 0; c < rows.length; c++) {
                int j = real.get(c);
                pairs.add(new Pair(img * q + rows[c], img * t + j, (int) lab[img * t + j]));
            }
        }
        return pairs;
    }

    private static double[] box(float[] data, int offset) {
        return new double[] {data[offset], data[offset + 1], data[offset + 2], data[offset + 3]};
    }
}
