package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import dev.tensorloom.execution.op.Scalars;

/**
 * The S4D convolution kernel, with complex numbers held as separate real and imaginary arrays:
 * {@code K[h, l] = 2·Re(Σ_m C̃[h,m]·exp(Δ_h A[h,m]·l))}, where zero-order hold gives
 * {@code Ā = exp(ΔA)}, {@code B̄ = (exp(ΔA) − 1)/A · B} and {@code C̃ = C·B̄}.
 */
public final class S4dKernel {
    private S4dKernel() {
    }

    /**
     * @param logDt  {@code [H]} log step
     * @param aRe    {@code [H, M]} real part of A (negative)
     * @param aIm    {@code [H, M]} imaginary part of A
     * @param cRe    {@code [H, M]}, {@code cIm}: output weights
     * @param bRe    {@code [M]}, {@code bIm}: input weights shared by all channels
     * @return {@code [H, L]}, in the manager of {@code logDt} (pass {@code logDt}, {@code aRe}, {@code cRe}
     *         and {@code cIm} from the node's manager: they lead the products)
     */
    public static NDArray kernel(NDArray logDt, NDArray aRe, NDArray aIm, NDArray cRe, NDArray cIm,
            NDArray bRe, NDArray bIm, int length) {
        NDArray dt = logDt.exp().expandDims(1);
        NDArray dRe = dt.mul(aRe);
        NDArray dIm = dt.mul(aIm);
        NDArray decay = dRe.exp();
        // (exp(ΔA) − 1) / A = num · conj(A) / |A|²
        NDArray nRe = decay.mul(dIm.cos()).sub(Scalars.of(decay, 1));
        NDArray nIm = decay.mul(dIm.sin());
        NDArray norm = aRe.mul(aRe).add(aIm.mul(aIm));
        NDArray qRe = nRe.mul(aRe).add(nIm.mul(aIm)).div(norm);
        NDArray qIm = nIm.mul(aRe).sub(nRe.mul(aIm)).div(norm);
        NDArray cbRe = cRe.mul(bRe).sub(cIm.mul(bIm));
        NDArray cbIm = cRe.mul(bIm).add(cIm.mul(bRe));
        NDArray tRe = cbRe.mul(qRe).sub(cbIm.mul(qIm)).expandDims(2);
        NDArray tIm = cbRe.mul(qIm).add(cbIm.mul(qRe)).expandDims(2);
        NDManager m = logDt.getManager();
        NDArray steps = m.arange(0, length, 1, DataType.FLOAT32);
        NDArray phase = dIm.expandDims(2).mul(steps);
        NDArray growth = dRe.expandDims(2).mul(steps).exp();
        NDArray real = tRe.mul(growth.mul(phase.cos())).sub(tIm.mul(growth.mul(phase.sin())));
        return real.sum(new int[] {1}).mul(Scalars.of(real, 2));
    }

    /**
     * Causal convolution {@code y[b, t, h] = Σ_{s ≤ t} K[h, t − s]·u[b, s, h]}, computed directly as a
     * depthwise conv1d (one group per channel) over the input padded with L − 1 zeros, with the kernel
     * flipped because conv1d correlates; O(L²) per channel, fine for the short sequences trained here.
     */
    public static NDArray causalConvolution(NDArray u, NDArray kernel) {
        int length = (int) u.getShape().get(1);
        long channels = u.getShape().get(2);
        NDArray weight = kernel.flip(1).expandDims(1);
        NDArray y = Conv1d.conv1d(u.transpose(0, 2, 1), weight, null, new Shape(1), new Shape(length - 1),
                new Shape(1), (int) channels).singletonOrThrow();
        return y.get(new NDIndex(":, :, :{}", length)).transpose(0, 2, 1);
    }
}
