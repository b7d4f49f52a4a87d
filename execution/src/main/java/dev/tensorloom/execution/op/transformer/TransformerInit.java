package dev.tensorloom.execution.op.transformer;

import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/** Initializers shared by the Transformer ops. */
final class TransformerInit {
    /**
     * Glorot uniform, U(±√(6 / (fan_in + fan_out))): DJL's AVG factor divides the magnitude by
     * (fan_in + fan_out) / 2, so magnitude 3 gives Glorot's bound.
     */
    static final Initializer GLOROT = new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
            XavierInitializer.FactorType.AVG, 3f);

    private TransformerInit() {
    }

    /** Parameter name of {@code name} inside a sub-layer called {@code prefix} ("" for none). */
    static String scoped(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "_" + name;
    }
}
