package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Mamba's selective scan, run step by step over time (sequences here are short, so a loop of small
 * DJL ops is simpler than a parallel scan and gives the same result):
 * {@code x_t = exp(Δ_t A) ⊙ x_{t−1} + Δ_t B_t u_t}, {@code y_t = C_t x_t + D u_t}, per inner channel.
 */
public final class SelectiveScan {
    private SelectiveScan() {
    }

    /**
     * @param u     {@code [B, L, Di]} input
     * @param delta {@code [B, L, Di]} positive steps
     * @param a     {@code [Di, N]} state matrix diagonal (negative)
     * @param b     {@code [B, L, N]} input-dependent input weights
     * @param c     {@code [B, L, N]} input-dependent output weights
     * @param d     {@code [Di]} skip
     * @return {@code [B, L, Di]}, in the manager of {@code u}
     */
    public static NDArray scan(NDArray u, NDArray delta, NDArray a, NDArray b, NDArray c, NDArray d) {
        long batch = u.getShape().get(0);
        int length = (int) u.getShape().get(1);
        long inner = u.getShape().get(2);
        long state = a.getShape().get(1);
        NDArray decay = delta.expandDims(3).mul(a).exp();
        NDArray drive = u.mul(delta).expandDims(3).mul(b.expandDims(2));
        NDArray cs = c.expandDims(2);
        // split once: slicing step by step would make backward scatter into the full tensor L times
        NDList decays = decay.split(length, 1);
        NDList drives = drive.split(length, 1);
        NDList outs = cs.split(length, 1);
        NDArray x = u.getManager().zeros(new Shape(batch, inner, state));
        NDList ys = new NDList(length);
        for (int t = 0; t < length; t++) {
            x = decays.get(t).squeeze(1).mul(x).add(drives.get(t).squeeze(1));
            ys.add(x.mul(outs.get(t).squeeze(1)).sum(new int[] {2}));
        }
        return NDArrays.stack(ys, 1).add(u.mul(d));
    }
}
