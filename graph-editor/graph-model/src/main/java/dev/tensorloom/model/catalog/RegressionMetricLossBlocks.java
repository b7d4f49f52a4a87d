package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;

/**
 * Loss blocks for keypoint regression and metric learning: plain L1, Residual Log-likelihood
 * Estimation with its own RealNVP flow, and the additive angular margin (ArcFace) loss with its own
 * class centres.
 */
final class RegressionMetricLossBlocks {
    /** RealNVP coupling layers inside {@code rle_loss}: three pairs of alternating masks. */
    static final int RLE_COUPLINGS = 6;

    private RegressionMetricLossBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(l1());
        catalog.register(rle());
        catalog.register(arcface());
    }

    private static BlockType l1() {
        return BlockType.builder("l1_loss").title("L1 loss").category(BlockCategory.LOSS).role(BlockType.Role.LOSS)
                .description("Mean of |pred − target| over every element")
                .input("pred").input("target").output("loss")
                .shape(ctx -> {
                    if (ctx.expect("pred", "[B, *]")) {
                        LossShapes.expectDims(ctx, "target", DType.FLOAT32, ctx.input("pred").orElseThrow().dims());
                    }
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator(LossShapes.elementwise("pred", 3))
                .build();
    }

    private static BlockType rle() {
        return BlockType.builder("rle_loss").title("RLE loss (residual log-likelihood)").category(BlockCategory.LOSS)
                .role(BlockType.Role.LOSS)
                .description("As the RLE reference code computes it, per keypoint and coordinate d with μ̄ = (pred − target)/σ: "
                        + "(log σ_d − log G(μ̄)) + (log(σ_d·√(2π)) + |pred_d − target_d|/(√2·σ_d)), where G is a RealNVP "
                        + "flow (3 pairs of alternating-mask affine couplings, inside this block) on 2-D and the second "
                        + "term the Laplace Q; summed over keypoints and coordinates, divided by the batch size")
                .input("pred").input("sigma").input("target").output("loss")
                .param(ParamSpec.integer("hidden", 64, 1, 4096, "Width of each coupling's two hidden layers"))
                .shape(ctx -> {
                    if (ctx.expect("pred", "[B, K, 2]")) {
                        ctx.expect("sigma", "[B, K, 2]");
                        ctx.expect("target", "[B, K, 2]");
                    }
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator((p, in, out) -> {
                    var pred = in.get("pred");
                    long k = pred == null ? 1 : pred.dim(1).sizeOr(1);
                    long h = p.getLong("hidden");
                    // each coupling has an s and a t net: 2 → h → h → 2
                    long perNet = 2 * h + h + h * h + h + h * 2 + 2;
                    long params = RLE_COUPLINGS * 2 * perNet;
                    return new Estimate(params, k * 2.0 * params, k * RLE_COUPLINGS * (4 * h + 8) * TransformerCosts.FLOAT_BYTES,
                            pred != null && pred.isConcreteAfterBatch());
                })
                .build();
    }

    private static BlockType arcface() {
        return BlockType.builder("arcface_loss").title("ArcFace loss (additive angular margin)").category(BlockCategory.LOSS)
                .role(BlockType.Role.LOSS)
                .description("Cross-entropy of s·cos(θ_y + m) for the true class and s·cos θ_j otherwise, θ the angle "
                        + "between the L2-normalised embedding and the L2-normalised class centre (a parameter of this block)")
                .input("pred").input(PortSpec.of("target", DType.INT64)).output("loss")
                .param(ParamSpec.integer("classes", 100, 2, 1 << 24, "Number of training classes (identities)"))
                .param(ParamSpec.real("scale", 30.0, 0.1, 1000, "s: multiplies every cosine before the softmax"))
                .param(ParamSpec.real("margin", 0.5, 0.0, 1.5, "m: additive angle (radians) on the true class"))
                .param(ParamSpec.bool("easy_margin", false, "Apply the margin only where cos θ > 0; otherwise (standard) "
                        + "use cos θ − m·sin m where θ + m would pass π"))
                .shape(ctx -> {
                    if (ctx.expect("pred", "[B, D]")) {
                        LossShapes.expectDims(ctx, "target", DType.INT64, java.util.List.of(ctx.dim("B")));
                    }
                    ctx.output("loss", LossShapes.SCALAR);
                })
                .estimator((p, in, out) -> {
                    var pred = in.get("pred");
                    long d = pred == null ? 1 : pred.last().sizeOr(1);
                    long c = p.getLong("classes");
                    return new Estimate(c * d, 2.0 * c * d + 8.0 * c, (2 * c + 2 * d) * TransformerCosts.FLOAT_BYTES,
                            pred != null && pred.last() instanceof Dim.Fixed);
                })
                .build();
    }
}
