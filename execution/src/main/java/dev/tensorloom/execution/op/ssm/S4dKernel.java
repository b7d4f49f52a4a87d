package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

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
        NDArray nRe = decay.mul(dIm.cos()).sub(1);
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
        return real.sum(new int[] {1}).mul(2);
    }

    /**
     * Causal convolution {@code y[b, t, h] = Σ_{s ≤ t} K[h, t − s]·u[b, s, h]} as a Toeplitz matmul
     * (direct O(L²), fine for the short sequences the studio trains on).
     */
    public static NDArray causalConvolution(NDArray u, NDArray kernel) {
        long batch = u.getShape().get(0);
        int length = (int) u.getShape().get(1);
        long channels = u.getShape().get(2);
        long[] lag = new long[length * length];
        float[] lower = new float[length * length];
        for (int t = 0; t < length; t++) {
            for (int s = 0; s <= t; s++) {
                lag[t * length + s] = t - s;
                lower[t * length + s] = 1;
            }
        }
        NDManager m = kernel.getManager();
        NDArray index = m.create(lag, new ai.djl.ndarray.types.Shape(1, length, length))
                .broadcast(channels, length, length);
        NDArray toeplitz = kernel.expandDims(1).broadcast(channels, length, length).gather(index, 2)
                .mul(m.create(lower, new ai.djl.ndarray.types.Shape(length, length)));
        NDArray perChannel = u.transpose(2, 1, 0);
        return toeplitz.matMul(perChannel).transpose(2, 1, 0).reshape(batch, length, channels);
    }
}
