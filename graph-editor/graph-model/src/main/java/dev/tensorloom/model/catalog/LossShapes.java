package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Shape checks shared by the loss blocks: a target must match its prediction dimension by dimension. */
final class LossShapes {
    /** The type of a loss value: a float scalar. */
    static final TensorType SCALAR = new TensorType(DType.FLOAT32, List.of());

    private LossShapes() {
    }

    /**
     * Expects {@code port} to have exactly the dimensions {@code dims} (named ones unify), so that a
     * mismatch is reported on that port with both shapes.
     */
    static void expectDims(ShapeContext ctx, String port, DType dtype, List<Dim> dims) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            String t = dims.get(i).toString();
            // an unbound rest dimension prints as "*", which a pattern would read as "any number of dims"
            tokens.add(t.startsWith("*") ? "_rest" + i : t);
        }
        ctx.expect(port, dtype, "[" + String.join(", ", tokens) + "]");
    }

    /**
     * A loss over detections, up to its description, parameters and costs: logits {@code [B, n, c]} and boxes
     * {@code [B, n, 4]} for n queries or cells against padded targets {@code [B, T, 4]} with int64 labels
     * {@code [B, T]}, giving a scalar. {@code n} and {@code c} name the prediction dims in the block's messages.
     */
    static BlockType.Builder detectionLoss(String id, String title, String n, String c) {
        return BlockType.builder(id).title(title).category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .input("pred_logits").input("pred_boxes").input("target_boxes")
                .input(PortSpec.of("target_labels", DType.INT64))
                .output("loss")
                .shape(ctx -> {
                    boolean ok = ctx.expect("pred_logits", "[B, " + n + ", " + c + "]");
                    ok &= ctx.expect("pred_boxes", "[B, " + n + ", 4]");
                    ok &= ctx.expect("target_boxes", "[B, T, 4]");
                    ok &= ctx.expect("target_labels", DType.INT64, "[B, T]");
                    if (ok) {
                        ctx.output("loss", ctx.shape(DType.FLOAT32, "[]"));
                    }
                });
    }

    /** Costs of a loss that reads every element of input {@code port} a few times and keeps one copy for backward. */
    static Estimator elementwise(String port, double flopsPerElement) {
        return (p, in, out) -> {
            TensorType pred = in.get(port);
            if (pred == null) {
                return new Estimate(0, 0, 0, false);
            }
            long n = pred.elementsPerExample(1);
            return new Estimate(0, flopsPerElement * n, n * TransformerCosts.FLOAT_BYTES, pred.isConcreteAfterBatch());
        };
    }
}
