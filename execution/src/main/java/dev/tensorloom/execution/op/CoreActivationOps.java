package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.function.UnaryOperator;

/** Ops for the element-wise activations and softmax. */
final class CoreActivationOps {
    /** sqrt(2 / pi), the scale inside the tanh approximation of GELU. */
    private static final double GELU_TANH_SCALE = Math.sqrt(2 / Math.PI);

    private CoreActivationOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("relu", params -> unary(Activation::relu));
        registry.register("gelu", params -> "tanh".equals(params.getString("approximate"))
                ? unary(CoreActivationOps::geluTanh) : unary(Activation::gelu));
        registry.register("silu", params -> unary(x -> x.mul(Activation.sigmoid(x))));
        registry.register("tanh", params -> unary(Activation::tanh));
        registry.register("sigmoid", params -> unary(Activation::sigmoid));
        registry.register("softplus", params -> {
            float beta = (float) params.getDouble("beta");
            // The native softplus is stable for large inputs; beta rescales the input and the output.
            return beta == 1f ? unary(Activation::softPlus) : unary(x -> softPlus(x, beta));
        });
        registry.register("softmax", params -> {
            long axis = params.getLong("axis");
            return unary(x -> x.softmax(CoreArrays.axis(axis, x.getShape().dimension())));
        });
    }

    private static BlockOp unary(UnaryOperator<NDArray> f) {
        return (ctx, inputs) -> new NDList(f.apply(inputs.get(0)));
    }

    /** 0.5·x·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x³))), PyTorch's approximate='tanh'. */
    static NDArray geluTanh(NDArray x) {
        NDArray inner = x.pow(Scalars.of(x, 3)).mul(Scalars.of(x, 0.044715f)).add(x).mul(Scalars.of(x, (float) GELU_TANH_SCALE));
        return inner.tanh().add(Scalars.of(x, 1f)).mul(x).mul(Scalars.of(x, 0.5f));
    }

    /** softplus(beta·x) / beta, with libtorch-owned scalars (autograd keeps them for backward). */
    private static NDArray softPlus(NDArray x, float beta) {
        return Activation.softPlus(x.mul(Scalars.of(x, beta))).div(Scalars.of(x, beta));
    }
}
