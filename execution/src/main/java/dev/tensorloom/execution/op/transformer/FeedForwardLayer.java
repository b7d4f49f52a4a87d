package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;

/** Position-wise MLP: Linear(d → hidden), activation, dropout, Linear(hidden → d). Parameters w1, b1, w2, b2. */
public record FeedForwardLayer(String prefix, int width, int hidden, String activation, double dropout) {

    public void initialize(ParameterInit init) {
        init.parameter(name("w1"), new Shape(hidden, width), TransformerInit.GLOROT);
        init.parameter(name("b1"), new Shape(hidden), Initializer.ZEROS);
        init.parameter(name("w2"), new Shape(width, hidden), TransformerInit.GLOROT);
        init.parameter(name("b2"), new Shape(width), Initializer.ZEROS);
    }

    public NDArray forward(OpContext ctx, NDArray x) {
        NDArray h = Linear.linear(x, ctx.param(name("w1")), ctx.param(name("b1"))).singletonOrThrow();
        h = Dropouts.apply(ctx, activate(h), dropout);
        return Linear.linear(h, ctx.param(name("w2")), ctx.param(name("b2"))).singletonOrThrow();
    }

    private NDArray activate(NDArray h) {
        return switch (activation) {
            case "relu" -> Activation.relu(h);
            case "gelu" -> Activation.gelu(h);
            case "silu" -> h.mul(Activation.sigmoid(h));
            default -> throw new IllegalArgumentException("unknown activation '" + activation + "'");
        };
    }

    private String name(String n) {
        return TransformerInit.scoped(prefix, n);
    }
}
