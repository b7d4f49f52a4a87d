package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;
import java.util.ArrayList;
import java.util.List;

/**
 * Loss of the dense box head. Cells are assigned to targets by {@link CentreAssigner}; then
 * <pre>
 *   loss = [ Σ_cells,classes varifocal(logit, q) + box_weight · Σ_assigned (1 − GIoU(box, target)) ] / max(1, assigned)
 * </pre>
 * where the IoU-aware target q is, for an assigned cell, the IoU of its (detached) predicted box with its
 * target at the target's class and 0 elsewhere (VarifocalNet). Inputs: logits [B, N, C], boxes [B, N, 4],
 * target boxes [B, T, 4], labels [B, T] (label < 0 = padding); N must be a square number of cells.
 */
public record DenseDetectionLossOp(double stride, double radius, double boxWeight, VarifocalLossOp varifocal)
        implements BlockOp {

    /** The op for a block whose varifocal part weighs negatives by {@code alpha} and focuses by {@code gamma}. */
    public static DenseDetectionLossOp of(double stride, double radius, double boxWeight, double alpha, double gamma) {
        return new DenseDetectionLossOp(stride, radius, boxWeight, new VarifocalLossOp(alpha, gamma));
    }

    /** The assigned cells: flat indices b·N + n, their target boxes (row-major) and classes. */
    record Assignment(long[] cells, float[] boxes, int[] classes) {
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray logits = inputs.get(0);
        NDArray boxes = inputs.get(1);
        int b = (int) logits.getShape().get(0);
        int n = (int) logits.getShape().get(1);
        int c = (int) logits.getShape().get(2);
        Assignment a = assign(inputs.get(2), inputs.get(3), b, n, c);
        NDManager m = ctx.manager();
        NDArray flatLogits = logits.reshape((long) b * n, c);
        int assigned = a.cells.length;
        float normaliser = Math.max(1, assigned);
        if (assigned == 0) {
            NDArray q = m.zeros(new Shape((long) b * n, c));
            return new NDList(varifocal.elementwise(flatLogits, q).sum().div(Scalars.of(flatLogits, normaliser)));
        }
        NDArray index = m.create(a.cells);
        NDArray predicted = boxes.reshape((long) b * n, 4).get(new NDIndex("{}", index));
        NDArray targets = m.create(a.boxes, new Shape(assigned, 4));
        NDArray quality = BoxOps.iou(predicted.stopGradient(), targets).maximum(Scalars.of(predicted, 0f));
        float[] oneHot = new float[assigned * c];
        for (int i = 0; i < assigned; i++) {
            oneHot[i * c + a.classes[i]] = 1;
        }
        NDArray positive = m.create(oneHot, new Shape(assigned, c)).mul(quality.reshape(assigned, 1));
        // q is zero except at the assigned cells' target classes
        NDArray q = m.zeros(new Shape((long) b * n, c));
        q.set(new NDIndex("{}", index), positive);
        NDArray classLoss = varifocal.elementwise(flatLogits, q).sum();
        NDArray boxLoss = BoxOps.giou(predicted, targets).neg().add(Scalars.of(predicted, 1)).sum().mul(Scalars.of(predicted, (float) boxWeight));
        return new NDList(classLoss.add(boxLoss).div(Scalars.of(classLoss, normaliser)));
    }

    Assignment assign(NDArray targetBoxes, NDArray labels, int b, int n, int c) {
        int side = (int) Math.round(Math.sqrt(n));
        if (side * side != n) {
            throw new IllegalArgumentException("dense detection loss needs a square grid of cells, got " + n);
        }
        int t = (int) targetBoxes.getShape().get(1);
        float[] tb = targetBoxes.toType(DataType.FLOAT32, false).toFloatArray();
        long[] lab = labels.toType(DataType.INT64, false).toLongArray();
        List<Long> cells = new ArrayList<>();
        List<float[]> boxes = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int img = 0; img < b; img++) {
            List<double[]> real = new ArrayList<>();
            List<Integer> realLabels = new ArrayList<>();
            for (int j = 0; j < t; j++) {
                long l = lab[img * t + j];
                if (l >= 0) {
                    if (l >= c) {
                        throw new IllegalArgumentException("target label " + l + " outside 0.." + (c - 1));
                    }
                    int o = (img * t + j) * 4;
                    real.add(new double[] {tb[o], tb[o + 1], tb[o + 2], tb[o + 3]});
                    realLabels.add((int) l);
                }
            }
            int[] owner = CentreAssigner.assign(side, stride, radius, real.toArray(new double[0][]));
            for (int cell = 0; cell < n; cell++) {
                if (owner[cell] >= 0) {
                    double[] g = real.get(owner[cell]);
                    cells.add((long) img * n + cell);
                    boxes.add(new float[] {(float) g[0], (float) g[1], (float) g[2], (float) g[3]});
                    classes.add(realLabels.get(owner[cell]));
                }
            }
        }
        float[] flat = new float[boxes.size() * 4];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, flat, i * 4, 4);
        }
        return new Assignment(cells.stream().mapToLong(Long::longValue).toArray(), flat,
                classes.stream().mapToInt(Integer::intValue).toArray());
    }
}
