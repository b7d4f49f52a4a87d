package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code arcface_loss} (Deng et al. 2019): cos θ_j = x̂·ŵ_j with the embedding and the class centres
 * (parameter {@code weight} [classes, D]) L2-normalised; the true class's logit is s·cos(θ_y + m), the
 * others s·cos θ_j; loss = mean cross-entropy. Where θ_y + m would pass π, cos(θ + m) would rise again
 * and reward a worse angle, so (InsightFace's standard choice) the logit there is s·(cos θ − m·sin m),
 * which keeps it decreasing in θ; with {@code easy_margin} the margin is applied only where cos θ > 0.
 */
public final class ArcFaceLossOp implements BlockOp {
    static final float NORM_EPS = 1e-12f;
    static final float COS_CLAMP = 1 - 1e-6f;
    private final int classes;
    private final float scale;
    private final double margin;
    private final boolean easyMargin;

    public ArcFaceLossOp(Params params) {
        this.classes = params.getInt("classes");
        this.scale = (float) params.getDouble("scale");
        this.margin = params.getDouble("margin");
        this.easyMargin = params.getBool("easy_margin");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("weight", new Shape(classes, inputShapes[0].get(1)), new NormalInitializer(0.01f));
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = normalise(inputs.get(0));
        // a copy in the node's manager, so the normalisation's intermediates are freed with the node
        NDArray centres = ctx.param("weight").mul(Scalars.of(ctx.param("weight"), 1f));
        centres.attach(ctx.manager());
        NDArray w = normalise(centres);
        NDArray cos = x.matMul(w.transpose()).clip(-COS_CLAMP, COS_CLAMP);
        NDArray sin = cos.square().neg().add(Scalars.of(cos, 1f)).sqrt();
        NDArray phi = cos.mul(Scalars.of(cos, (float) Math.cos(margin))).sub(sin.mul(Scalars.of(sin, (float) Math.sin(margin))));
        NDArray fallback = easyMargin ? cos : cos.sub(Scalars.of(cos, (float) (Math.sin(Math.PI - margin) * margin)));
        NDArray threshold = easyMargin ? cos.gt(0f) : cos.gt((float) Math.cos(Math.PI - margin));
        NDArray target = NDArrays.where(threshold, phi, fallback);
        NDArray oneHot = inputs.get(1).toType(DataType.INT64, false).oneHot(classes, DataType.FLOAT32);
        NDArray logits = cos.add(target.sub(cos).mul(oneHot)).mul(Scalars.of(cos, scale));
        return new NDList(logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg());
    }

    private static NDArray normalise(NDArray v) {
        return v.div(v.square().sum(new int[] {1}, true).add(Scalars.of(v, NORM_EPS)).sqrt());
    }
}
