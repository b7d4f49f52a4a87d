package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;

/**
 * Analytic costs of the Transformer pieces for one example. FLOPs count a multiply-add as two;
 * activation bytes count the float32 tensors autograd keeps for backward, including the attention
 * scores and softmax weights of shape [heads, T, S].
 */
final class TransformerCosts {
    static final int FLOAT_BYTES = 4;

    private TransformerCosts() {
    }

    /** A sequence length read from a type's second dimension; unknown lengths count as 1 (inexact). */
    record Length(long value, boolean exact) {
        static Length of(TensorType t) {
            if (t == null || t.rank() < 2) {
                return new Length(1, false);
            }
            Dim d = t.dim(1);
            return new Length(d.sizeOr(1), d.isFixed());
        }
    }

    /** Multi-head attention of T queries over S keys of width d. */
    static Estimate attention(long d, long heads, long t, long s, boolean qkNorm, boolean dropout, boolean exact) {
        long dHead = heads > 0 ? d / heads : d;
        long params = 4 * d * d + 4 * d + (qkNorm ? 2 * dHead : 0);
        double flops = 2.0 * t * d * d * 2 // query and output projections
                + 2.0 * s * d * d * 2      // key and value projections
                + 2.0 * t * s * d * 2      // QK^T and weights times V
                + 5.0 * heads * t * s      // scale, mask, softmax
                + (qkNorm ? 4.0 * (t + s) * d : 0);
        long floats = t * d + 2 * s * d    // Q, K, V
                + 2 * heads * t * s        // scores and softmax weights
                + (dropout ? heads * t * s : 0)
                + (qkNorm ? (t + s) * d : 0)
                + 2 * t * d;               // merged heads and projected output
        return new Estimate(params, flops, floats * FLOAT_BYTES, exact);
    }

    /** Position-wise two-layer MLP over n tokens. */
    static Estimate feedForward(long d, long hidden, long n, boolean dropout, boolean exact) {
        long params = 2 * d * hidden + hidden + d;
        double flops = n * (4.0 * d * hidden + hidden + d);
        long floats = n * (2 * hidden + d + (dropout ? hidden : 0));
        return new Estimate(params, flops, floats * FLOAT_BYTES, exact);
    }

    /** LayerNorm of n tokens of width d plus the residual sum that follows it. */
    static Estimate normAndResidual(long d, long n, boolean exact) {
        return new Estimate(2 * d, 6.0 * n * d, 2 * n * d * FLOAT_BYTES, exact);
    }
}
