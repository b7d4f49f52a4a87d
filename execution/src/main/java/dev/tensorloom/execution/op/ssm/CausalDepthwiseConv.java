package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Mamba's causal depthwise conv1d on {@code [B, L, C]} as K shifted multiply-adds:
 * {@code y[t] = Σ_k w[:, k]·x[t − (K−1) + k] + bias}, zero before the sequence starts.
 *
 * <p>The same values as a grouped conv1d padded by K − 1, but without it: on the CPU oneDNN runs here with
 * AVX kernels only ({@code ONEDNN_MAX_CPU_ISA=AVX}), whose grouped (groups = channels) convolution and the
 * transposes around it cost several times the few elementwise products, forward and backward (measured with
 * {@code MambaBlockProfile}, test sources). Working on the channel-last layout also drops both transposes.
 */
final class CausalDepthwiseConv {
    private CausalDepthwiseConv() {
    }

    /**
     * @param x    {@code [B, L, C]}
     * @param w    {@code [C, K]} per-channel taps, the last one for the current step
     * @param bias {@code [C]}
     * @return {@code [B, L, C]}
     */
    static NDArray apply(NDArray x, NDArray w, NDArray bias) {
        long length = x.getShape().get(1);
        int kernel = (int) w.getShape().get(1);
        // zeros in front of the time axis (PyTorch pad order: last axis first)
        NDArray padded = kernel > 1 ? x.pad(new Shape(0, 0, kernel - 1, 0), 0) : x;
        NDArray y = null;
        for (int k = 0; k < kernel; k++) {
            NDArray tap = padded.get(new NDIndex(":, {}:{}", k, k + length)).mul(w.get(new NDIndex(":, {}", k)));
            y = y == null ? tap.add(bias) : y.add(tap);
        }
        return y;
    }
}
